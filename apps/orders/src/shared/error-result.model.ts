import { Field, InterfaceType } from '@nestjs/graphql';

/**
 * Shared by every outcome a client must branch on (as opposed to errors): the union members that
 * are not the happy path implement it, so a client can render any of them generically.
 */
@InterfaceType('ErrorResult', { description: 'An expected outcome that is not the happy path, with a message to show.' })
export abstract class ErrorResult {
  @Field({ description: 'Human-readable explanation, in Portuguese, safe to show to the customer.' })
  message: string;

  @Field({ description: 'Stable machine-readable code, e.g. `INSUFFICIENT_STOCK`.' })
  code: string;
}
