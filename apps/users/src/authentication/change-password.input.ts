import { Field, InputType } from '@nestjs/graphql';
import { PASSWORD_RULES } from './password-policy';

@InputType({ description: 'A password change of the signed-in user.' })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now.' })
  currentPassword: string;

  @Field({ description: `The new password: ${PASSWORD_RULES}` })
  newPassword: string;
}
