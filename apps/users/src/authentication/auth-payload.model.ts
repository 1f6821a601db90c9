import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.model';

@ObjectType('AuthPayload', {
  description:
    'Tokens of a signed-in session. Send the access token as `Authorization: Bearer <accessToken>`; ' +
    'before it expires, exchange the refresh token (once: each is single-use) with `refreshSession`.',
})
export class AuthPayload {
  @Field({ description: 'Short-lived JWT proving who the caller is.' })
  accessToken: string;

  @Field({ description: 'When the access token stops working.' })
  accessTokenExpiresAt: Date;

  @Field({
    description:
      'Opaque single-use token for `refreshSession`. Keep it secret; presenting an already used one ends the session.',
  })
  refreshToken: string;

  @Field({ description: 'When the refresh token expires if unused.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user: User;
}
