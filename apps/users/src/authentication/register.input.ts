import { Field, InputType } from '@nestjs/graphql';
import { PASSWORD_RULES } from './password-policy';

@InputType({ description: 'A new customer account.' })
export class RegisterInput {
  @Field({ description: 'Sign-in email; case does not matter and it is stored lower-case.' })
  email: string;

  @Field({ description: `Password: ${PASSWORD_RULES}` })
  password: string;

  @Field({ description: 'Display name, 1 to 100 characters.' })
  name: string;
}
