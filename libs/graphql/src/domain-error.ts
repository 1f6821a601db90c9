import type { GraphqlErrorCode } from './error-codes';

/**
 * Base of every feature's domain error (`OrdersError`, `CatalogError`...). A feature
 * declares its string-enum codes and an exhaustive `Record<Code, GraphqlErrorCode>`;
 * the compiler then refuses a new code without a GraphQL mapping.
 *
 * @example
 * export enum CatalogErrorCode { PRODUCT_NOT_FOUND = 'PRODUCT_NOT_FOUND' }
 * const toGraphql: Record<CatalogErrorCode, GraphqlErrorCode> = { PRODUCT_NOT_FOUND: GraphqlErrorCode.NOT_FOUND };
 * export class CatalogError extends DomainError<CatalogErrorCode> {
 *   constructor(code: CatalogErrorCode, message: string, details?: DomainErrorDetails) { super(code, toGraphql[code], message, details); }
 * }
 */
export interface DomainErrorDetails {
  /** The input field or argument at fault, e.g. `filter.priceMin`. */
  field?: string;
  /** Seconds a client should wait before retrying (throttling). */
  retryAfterSeconds?: number;
  /** Extra machine-readable facts safe to show a client. */
  [key: string]: unknown;
}

export abstract class DomainError<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    readonly graphqlCode: GraphqlErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
