import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { markSessionsRevoked, raiseMinimumTokenVersion } from '@mestres/auth';

/** Margin over the access token lifetime, covering clock skew between services. */
const MARGIN_SECONDS = 60;

/**
 * Tells the gateway (through Redis) that access tokens are revoked, so revocation takes
 * effect within seconds instead of when the tokens expire.
 */
export class TokenRevocations {
  private readonly logger = new Logger(TokenRevocations.name);
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    accessTokenTtlSeconds: number,
  ) {
    this.ttlSeconds = accessTokenTtlSeconds + MARGIN_SECONDS;
  }

  async revokeSessions(sessionIds: string[]): Promise<void> {
    await markSessionsRevoked(this.redis, sessionIds, this.ttlSeconds);
  }

  /** Revokes access tokens of `userId` issued with a token version below `version`. */
  async revokeTokensBefore(userId: string, version: number): Promise<void> {
    await raiseMinimumTokenVersion(this.redis, userId, version, this.ttlSeconds);
  }

  /** For paths that must fail the request anyway (refresh reuse): log, never mask the cause. */
  async revokeSessionsQuietly(sessionIds: string[]): Promise<void> {
    await this.revokeSessions(sessionIds).catch((error: unknown) =>
      this.logger.error(`could not mark sessions revoked in Redis: ${(error as Error).message}`),
    );
  }
}
