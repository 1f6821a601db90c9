import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { CheckoutResultMapper } from './checkout-result.mapper';
import { CheckoutResultUnion, type CheckoutResult } from './checkout-result.model';
import { CheckoutInput } from './checkout.input';
import { CheckoutService } from './checkout.service';

@Resolver()
export class CheckoutResolver {
  constructor(
    private readonly checkoutService: CheckoutService,
    private readonly results: CheckoutResultMapper,
  ) {}

  @Mutation(() => CheckoutResultUnion, {
    description:
      "Checks out the signed-in customer's cart: reserves stock, creates the order and charges it. Idempotent per input.idempotencyKey. Branch on the result type; errors are only for bad input and unavailability.",
  })
  @Authenticated()
  async checkout(
    @CurrentUser() caller: CallerIdentity,
    @Args('input', { description: 'Idempotency key and payment token.' }) input: CheckoutInput,
  ): Promise<CheckoutResult> {
    return this.results.toResult(await this.checkoutService.checkout(caller, input));
  }
}
