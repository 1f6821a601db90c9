import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

// @node-rs/argon2 declares Algorithm as a const enum, which isolated modules cannot inline.
const ARGON2ID = 2 as Algorithm;

export interface PasswordHashCost {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over memory. */
  timeCost: number;
}

/**
 * argon2id hashing behind an adapter. Plain passwords go in and PHC strings come out; neither
 * is ever logged.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly cost: PasswordHashCost) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: this.cost.memoryCost, timeCost: this.cost.timeCost, parallelism: 1 });
  }

  /** False for a wrong password and for a hash that cannot be parsed. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same time as checking a real password, for logins with an unknown email, so
   * response times do not reveal which emails have accounts.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(await this.dummy, password);
    return false;
  }

  /** Computes the dummy hash up front, so the first unknown-email sign-in is not the slow one. */
  async warmUp(): Promise<void> {
    this.dummy ??= this.hash(randomBytes(16).toString('base64url'));
    await this.dummy;
  }

  /** True when the hash was made with other parameters than today's (rehash after login). */
  needsRehash(passwordHash: string): boolean {
    try {
      const options = parseOptions(passwordHash);
      return (
        options.algorithm !== ARGON2ID ||
        options.memoryCost !== this.cost.memoryCost ||
        options.timeCost !== this.cost.timeCost ||
        options.parallelism !== 1
      );
    } catch {
      return true;
    }
  }
}
