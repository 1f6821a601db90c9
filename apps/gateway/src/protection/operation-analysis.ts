import {
  getNamedType,
  getNullableType,
  isListType,
  isLeafType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  isCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/** What an operation asks for, measured after fragments are expanded. */
export interface OperationShape {
  /** Deepest field nesting; a root field is depth 1. */
  depth: number;
  /** Fields given an alias. */
  aliases: number;
  /** Fields selected on the root type. */
  rootFields: number;
  /** Estimated number of objects resolved (see {@link analyzeOperation}). */
  cost: number;
}

export interface AnalysisOptions {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  /** Size assumed for lists whose size no argument states. */
  defaultListSize: number;
  /** Reported (plus one) when fragments fan out past what is worth walking. */
  costCeiling: number;
}

/** Arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'pageSize']);
/** A mutation's root field does writes: it weighs more than a read. */
const MUTATION_FIELD_COST = 10;
/** Walking more selections than this means fragments fan out absurdly: report it as cost. */
const MAX_VISITED_SELECTIONS = 50_000;

/**
 * Measures depth, aliases, root fields and an estimated cost of an operation, in one walk
 * with fragments expanded. Cost model (close to the demand-control idea of IBM's and
 * Apollo's): every object-typed field costs 1 per object it is resolved for; list fields
 * multiply the cost of their selection by their size, read from a `first`/`last`/`limit`
 * argument (literal or variable) on the field or, for connection `edges`/`nodes`, on its
 * parent; otherwise `defaultListSize`. Leaf fields are free. Mutation root fields cost 10.
 */
export function analyzeOperation(options: AnalysisOptions): OperationShape {
  const { schema, operation } = options;
  const root = schema.getRootType(operation.operation);
  const shape: OperationShape = { depth: 0, aliases: 0, rootFields: 0, cost: 0 };
  if (!root) return shape;
  let visited = 0;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, multiplier: number, inheritedSize: number | undefined, isRoot: boolean): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      // Fragments spread many times over can make a small document enormous: stop and call it too costly.
      if (++visited > MAX_VISITED_SELECTIONS) return options.costCeiling + 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? options.fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (!type || !isCompositeType(type)) continue;
        cost += walk(fragment.selectionSet, type, depth, multiplier, inheritedSize, isRoot);
        continue;
      }
      if (selection.alias) shape.aliases++;
      if (isRoot) shape.rootFields++;
      const fieldName = selection.name.value;
      if (fieldName.startsWith('__')) continue;
      const field = fieldOf(parent, fieldName);
      if (!field) continue;
      shape.depth = Math.max(shape.depth, depth);
      const type = getNamedType(field.type);
      if (isLeafType(type) || !selection.selectionSet || !isCompositeType(type)) continue;
      const ownSize = sizeArgument(selection.arguments ?? [], options.variables);
      const list = isListType(getNullableType(field.type));
      const size = list ? (ownSize ?? inheritedSize ?? options.defaultListSize) : 1;
      const fieldCost = (isRoot && operation.operation === 'mutation' ? MUTATION_FIELD_COST : 1) * multiplier * size;
      cost += fieldCost;
      // A connection's `first` sizes its `edges`/`nodes` lists, one level down.
      const passDown = list ? undefined : ownSize;
      cost += walk(selection.selectionSet, type, depth + 1, multiplier * size, passDown, false);
    }
    return cost;
  };

  shape.cost = walk(operation.selectionSet, root, 1, 1, undefined, true);
  return shape;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function sizeArgument(args: ReadonlyArray<{ name: { value: string }; value: ValueNode }>, variables: Record<string, unknown> | undefined): number | undefined {
  for (const argument of args) {
    if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const value = argument.value;
    const raw = value.kind === Kind.INT ? Number(value.value) : value.kind === Kind.VARIABLE ? variables?.[value.name.value] : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) return Math.max(0, raw);
  }
  return undefined;
}
