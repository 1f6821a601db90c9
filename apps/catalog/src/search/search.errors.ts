import { DomainError, type DomainErrorDetails, GraphqlErrorCode } from '@mestres/graphql';

export enum SearchErrorCode {
  INVALID_QUERY = 'INVALID_QUERY',
  INVALID_FILTER = 'INVALID_FILTER',
  INVALID_SORT = 'INVALID_SORT',
}

const toGraphql: Record<SearchErrorCode, GraphqlErrorCode> = {
  INVALID_QUERY: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_FILTER: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_SORT: GraphqlErrorCode.BAD_USER_INPUT,
};

/** Bad listing or search arguments; `details.field` names the argument, e.g. `filter.priceMinCents`. */
export class SearchError extends DomainError<SearchErrorCode> {
  constructor(code: SearchErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}
