import { Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphqlErrorCode } from './error-codes';
import { DomainError } from './domain-error';

/** Largest page a client may request; larger `first` values are rejected, not silently cut. */
export const MAX_PAGE_SIZE = 100;

class PaginationError extends DomainError<'INVALID_PAGINATION'> {
  constructor(message: string, field: string) {
    super('INVALID_PAGINATION', GraphqlErrorCode.BAD_USER_INPUT, message, { field });
  }
}

/** Relay forward-pagination arguments. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 20).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: return items after this one (`pageInfo.endCursor` of the previous page).' })
  after?: string;
}

/** Validates `first` and returns the page size to query. */
export function pageSize(first: number | undefined | null, fallback = 20): number {
  if (first === undefined || first === null) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new PaginationError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return first;
}

/** Cursors are opaque base64url JSON; clients must not build them. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, rejecting anything else as bad input. */
export function decodeCursor<T>(cursor: string | undefined | null, isValid: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the typed error
  }
  throw new PaginationError('after is not a valid cursor', 'after');
}

// Every subgraph returns connections, so the gateway may take PageInfo from any of them.
@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after`.' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds a Relay connection type for `node`, e.g.
 * `@ObjectType() export class ProductConnection extends Connection(Product, 'Product') {}`.
 */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the query across all pages.' })
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Turns `limit + 1` fetched rows into a page: the extra row only signals `hasNextPage`. */
export function toConnection<Row, T>(
  rows: Row[],
  limit: number,
  totalCount: number,
  toNode: (row: Row) => T,
  toCursor: (row: Row) => unknown,
): ConnectionShape<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(toCursor(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
