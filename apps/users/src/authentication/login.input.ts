import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Email and password sign-in.' })
export class LoginInput {
  @Field({ description: 'Sign-in email, any case.' })
  email: string;

  @Field({ description: 'Password.' })
  password: string;
}
