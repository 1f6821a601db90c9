import { createHash } from 'node:crypto';

/**
 * UUIDv5 (RFC 9562) of `name` in `namespace`: the same name always gives the same id, so
 * one service's seed can refer to another service's demo records without a lookup.
 */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of demo user ids. Never change it: other seeds store these ids. */
export const DEMO_USER_ID_NAMESPACE = '895215bd-f358-4446-90a4-71a6c7dfa0ab';

/** The id the users seed gives the demo account with this email. */
export const demoUserId = (email: string) => uuidV5(DEMO_USER_ID_NAMESPACE, `user:${email.trim().toLowerCase()}`);
