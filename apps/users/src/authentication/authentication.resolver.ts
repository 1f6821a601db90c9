import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, ClientIp, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { toUserModel } from '../users/user.model';
import { AuthPayload } from './auth-payload.model';
import { AuthenticationService, type SignedIn } from './authentication.service';
import { ChangePasswordInput } from './change-password.input';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';
import { SessionTokensService } from './session-tokens.service';

function toAuthPayload({ user, tokens }: SignedIn): AuthPayload {
  const payload = new AuthPayload();
  payload.accessToken = tokens.accessToken;
  payload.accessTokenExpiresAt = tokens.accessTokenExpiresAt;
  payload.refreshToken = tokens.refreshToken;
  payload.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt;
  payload.user = toUserModel(user, { viewedByOwner: true });
  return payload;
}

@Resolver(() => AuthPayload)
export class AuthenticationResolver {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly sessionTokens: SessionTokensService,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Creates a customer account and signs it in. CONFLICT when the email is taken; BAD_USER_INPUT naming the field otherwise.',
  })
  async register(@Args('input', { description: 'The new account.' }) input: RegisterInput): Promise<AuthPayload> {
    return toAuthPayload(await this.authentication.register(input));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in. UNAUTHENTICATED "Invalid email or password" for any wrong pair; TOO_MANY_REQUESTS with `retryAfterSeconds` after repeated failures.',
  })
  async login(
    @Args('input', { description: 'Email and password.' }) input: LoginInput,
    @ClientIp() clientIp: string | null,
  ): Promise<AuthPayload> {
    return toAuthPayload(await this.authentication.login(input, clientIp));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token for new tokens; the old refresh token stops working. UNAUTHENTICATED when invalid, expired or already used (which also ends the session).',
  })
  async refreshSession(
    @Args('refreshToken', { description: 'The refresh token from the last AuthPayload.' }) refreshToken: string,
  ): Promise<AuthPayload> {
    return toAuthPayload(await this.sessionTokens.rotate(refreshToken));
  }

  @Mutation(() => Boolean, { description: "Ends the caller's session: its refresh token and access tokens stop working within seconds." })
  @Authenticated()
  async logout(@CurrentUser() caller: CallerIdentity): Promise<boolean> {
    await this.authentication.logout(caller);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Changes the caller's password. Every other session of the user is signed out; this one stays signed in.",
  })
  @Authenticated()
  async changePassword(
    @CurrentUser() caller: CallerIdentity,
    @Args('input', { description: 'Current and new password.' }) input: ChangePasswordInput,
    @ClientIp() clientIp: string | null,
  ): Promise<boolean> {
    await this.authentication.changePassword(caller, input, clientIp);
    return true;
  }
}
