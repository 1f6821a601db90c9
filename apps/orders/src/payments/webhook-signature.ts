import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejectedError } from './payment-provider';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-payment-signature';

function digest(secret: string, timestampSeconds: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}

/** The signature header value a provider sends with `rawBody`. */
export function signWebhook(rawBody: Buffer | string, secret: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${digest(secret, timestampSeconds, rawBody)}`;
}

/**
 * Accepts a delivery only if it was signed with `secret` over these exact bytes and its timestamp
 * is within `toleranceSeconds` of now. The timestamp is inside the signature, so a captured
 * delivery cannot be replayed later with a fresh one; replays within the window are caught by
 * the event-id dedupe.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds: number,
  nowMs: number,
): void {
  if (!header) throw new WebhookRejectedError('missing signature');
  const parts = new Map(
    header.split(',').map((part) => {
      const index = part.indexOf('=');
      return [part.slice(0, index).trim(), part.slice(index + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) throw new WebhookRejectedError('malformed signature');
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) throw new WebhookRejectedError('signature timestamp outside the tolerance');
  const expected = Buffer.from(digest(secret, timestamp, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new WebhookRejectedError('signature mismatch');
}
