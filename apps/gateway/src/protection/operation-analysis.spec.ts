import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { analyzeOperation } from './operation-analysis';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    products(first: Int): ProductConnection!
    product(id: ID!): Product
    categories: [Category!]!
  }
  type Mutation {
    setPrice(sku: String!): Variant!
  }
  type ProductConnection {
    edges: [ProductEdge!]!
    totalCount: Int!
  }
  type ProductEdge {
    node: Product!
  }
  type Product {
    id: ID!
    name: String!
    variants: [Variant!]!
    category: Category!
  }
  type Variant {
    sku: String!
    priceCents: Int!
  }
  type Category {
    id: ID!
    name: String!
    parent: Category
  }
`);

function analyze(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return analyzeOperation({ schema, operation, fragments, variables, defaultListSize: 10, costCeiling: 1_000_000 });
}

describe(analyzeOperation.name, () => {
  it('measures depth through fragments, counting a root field as depth 1', () => {
    const shape = analyze(`
      query { product(id: "1") { ...P } }
      fragment P on Product { category { parent { parent { name } } } }
    `);
    expect(shape.depth).toBe(5);
  });

  it('counts aliases and root fields, including those inside fragments', () => {
    const shape = analyze(`
      query { a: product(id: "1") { id } b: product(id: "2") { n: name } ...Roots }
      fragment Roots on Query { categories { id } }
    `);
    expect(shape.aliases).toBe(3);
    expect(shape.rootFields).toBe(3);
  });

  it('sizes a connection by its first argument, from a literal or a variable', () => {
    // products 1 + edges 20 + node 20 + variants 20*10 + category 20
    expect(analyze(`{ products(first: 20) { edges { node { variants { sku } category { name } } } } }`).cost).toBe(1 + 20 + 20 + 200 + 20);
    expect(analyze(`query($n: Int) { products(first: $n) { edges { node { id } } } }`, { n: 5 }).cost).toBe(1 + 5 + 5);
  });

  it('assumes the default size for lists without a size argument, multiplying nested lists', () => {
    // categories 10 + parent 10*1
    expect(analyze(`{ categories { parent { name } } }`).cost).toBe(20);
  });

  it('weighs a mutation root field more than a read', () => {
    expect(analyze(`mutation { setPrice(sku: "x") { priceCents } }`).cost).toBe(10);
  });

  it('measures depth in full even when the cost is already over the limit', () => {
    const document = parse(`{ categories { parent { parent { parent { parent { name } } } } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const shape = analyzeOperation({ schema, operation, fragments: {}, variables: undefined, defaultListSize: 1000, costCeiling: 1500 });
    expect(shape.cost).toBeGreaterThan(1500);
    expect(shape.depth).toBe(6);
  });

  it('calls a document whose fragments fan out absurdly too costly, without walking it all', () => {
    const fragments = Array.from({ length: 8 }, (_, level) => `fragment F${level} on Category { parent { ...F${level + 1} ...F${level + 1} ...F${level + 1} ...F${level + 1} } }`).join('\n');
    const shape = analyze(`{ categories { ...F0 } } ${fragments} fragment F8 on Category { name }`);
    expect(shape.cost).toBeGreaterThan(1_000_000);
  });
});
