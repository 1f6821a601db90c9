import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum AddressesErrorCode {
  INVALID_ADDRESS = 'INVALID_ADDRESS',
  /** Unknown id, or an address of another user: the same answer, so ids reveal nothing. */
  ADDRESS_NOT_FOUND = 'ADDRESS_NOT_FOUND',
  ADDRESS_LIMIT_REACHED = 'ADDRESS_LIMIT_REACHED',
}

const toGraphql: Record<AddressesErrorCode, GraphqlErrorCode> = {
  INVALID_ADDRESS: GraphqlErrorCode.BAD_USER_INPUT,
  ADDRESS_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  ADDRESS_LIMIT_REACHED: GraphqlErrorCode.CONFLICT,
};

export class AddressesError extends DomainError<AddressesErrorCode> {
  constructor(code: AddressesErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}
