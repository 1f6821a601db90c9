import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, type CallerIdentity } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import { Clock } from '../shared/clock';
import { PasswordHasher } from '../shared/password-hasher';
import { normalizeEmail, parseEmail, parseName } from '../users/user-fields';
import type { UserEntity } from '../users/user.entity';
import { UsersError, UsersErrorCode } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import { AuthenticationError, AuthenticationErrorCode, invalidCredentials } from './authentication.errors';
import { LoginThrottle } from './login-throttle';
import { assertPasswordPolicy, PASSWORD_MAX_LENGTH } from './password-policy';
import { SessionRevocationReason } from './session.entity';
import { SessionTokensService, type SessionTokens } from './session-tokens.service';

export interface SignedIn {
  user: UserEntity;
  tokens: SessionTokens;
}

// Longer inputs are refused before hashing: argon2 over megabytes would be a cheap DoS.
const MAX_PASSWORD_INPUT = PASSWORD_MAX_LENGTH * 4;

/** Registration, sign-in and password changes. Sessions and tokens: SessionTokensService. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessionTokens: SessionTokensService,
    private readonly events: EventPublisher,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Creates a CUSTOMER account and signs it in. The email must not exist in any letter case. */
  async register(input: { email: string; password: string; name: string }): Promise<SignedIn> {
    const email = parseEmail(input.email, 'input.email');
    const name = parseName(input.name, 'input.name');
    assertPasswordPolicy(input.password, email, 'input.password');
    const passwordHash = await this.hasher.hash(input.password);
    const { user, session } = await this.tx.transaction(async () => {
      const created = await this.users.insert({ email, name, passwordHash });
      if (!created) throw new UsersError(UsersErrorCode.EMAIL_TAKEN, 'an account with this email already exists', { field: 'input.email' });
      await this.events.publish('users.user.registered.v1', { userId: created.id, email: created.email, name: created.name });
      return { user: created, session: await this.sessionTokens.open(created.id) };
    });
    return { user, tokens: await this.sessionTokens.withAccessToken(user, session) };
  }

  /**
   * Signs in. Unknown email and wrong password answer the same INVALID_CREDENTIALS after the
   * same work (a dummy hash is checked for unknown emails); failures are throttled per email
   * and per client IP.
   */
  async login(input: { email: string; password: string }, clientIp: string | null): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    const attempt = await this.throttle.begin(email, clientIp);
    if (input.password.length > MAX_PASSWORD_INPUT || email.length > 254) throw invalidCredentials();
    const user = await this.users.findByEmail(email);
    const valid = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyAgainstDummy(input.password);
    if (!user || !valid) throw invalidCredentials();
    await this.throttle.succeeded(attempt);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user.id, await this.hasher.hash(input.password), null);
    }
    const session = await this.tx.transaction(() => this.sessionTokens.open(user.id));
    return { user, tokens: await this.sessionTokens.withAccessToken(user, session) };
  }

  /**
   * Changes the caller's password after checking the current one (throttled like sign-ins).
   * Every other session of the user is revoked; the caller's own session stays signed in.
   */
  async changePassword(
    caller: CallerIdentity,
    input: { currentPassword: string; newPassword: string },
    clientIp: string | null,
  ): Promise<void> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
    assertPasswordPolicy(input.newPassword, user.email, 'input.newPassword');
    if (input.newPassword === input.currentPassword) {
      throw new UsersError(UsersErrorCode.WEAK_PASSWORD, 'input.newPassword must differ from the current password', { field: 'input.newPassword' });
    }
    const attempt = await this.throttle.begin(user.email, clientIp);
    if (input.currentPassword.length > MAX_PASSWORD_INPUT || !(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new AuthenticationError(AuthenticationErrorCode.WRONG_CURRENT_PASSWORD, 'input.currentPassword is not your current password', {
        field: 'input.currentPassword',
      });
    }
    await this.throttle.succeeded(attempt);
    const passwordHash = await this.hasher.hash(input.newPassword);
    const revoked = await this.tx.transaction(async () => {
      await this.users.updatePasswordHash(user.id, passwordHash, this.clock.now());
      return this.sessionTokens.revokeOthers(user.id, caller.sessionId ?? null, SessionRevocationReason.PASSWORD_CHANGED);
    });
    await this.sessionTokens.announceRevoked(revoked);
  }

  /** Ends the caller's current session. */
  async logout(caller: CallerIdentity): Promise<void> {
    if (!caller.sessionId) {
      throw new AuthenticationError(AuthenticationErrorCode.SESSION_UNKNOWN, 'The access token does not name a session; sign in again');
    }
    await this.sessionTokens.revoke(caller.userId, caller.sessionId);
  }
}
