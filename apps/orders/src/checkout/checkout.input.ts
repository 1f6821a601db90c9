import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: "Checks out the signed-in customer's cart." })
export class CheckoutInput {
  @Field({
    description:
      'Client-chosen key, 8 to 100 characters of letters, digits, `-`, `_`, `:` or `.` (a UUID is ideal). Retrying with the same key and input replays the first result and never creates a second order or charge; the same key with another input is refused (CONFLICT). Use a new key for a new attempt.',
  })
  idempotencyKey: string;

  @Field({
    description:
      "Token from the payment provider's client SDK; never stored. In the sandbox, a test card number: 4242424242424242 succeeds, 4000000000000002 is declined, 4000000000009995 is declined for insufficient funds, 4000000000000119 fails at the provider, 4000000000003220 requires the customer's confirmation.",
  })
  paymentToken: string;
}
