import { WebhookRejectedError } from './payment-provider';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec-test-secret-with-enough-length';
const body = Buffer.from('{"id":"evt_1","type":"payment.succeeded"}');
const now = Date.UTC(2026, 10, 29, 12, 0, 0);
const t = now / 1000;

describe(verifyWebhookSignature.name, () => {
  it('accepts a delivery signed over the exact body within the tolerance', () => {
    expect(() => verifyWebhookSignature(body, signWebhook(body, secret, t - 10), secret, 300, now)).not.toThrow();
  });

  it('rejects a body changed after signing', () => {
    const header = signWebhook(body, secret, t);
    expect(() => verifyWebhookSignature(Buffer.from(`${body.toString()} `), header, secret, 300, now)).toThrow(WebhookRejectedError);
  });

  it('rejects another secret, a stale timestamp and a future one', () => {
    expect(() => verifyWebhookSignature(body, signWebhook(body, 'another-secret-of-some-length!!', t), secret, 300, now)).toThrow('signature mismatch');
    expect(() => verifyWebhookSignature(body, signWebhook(body, secret, t - 301), secret, 300, now)).toThrow('outside the tolerance');
    expect(() => verifyWebhookSignature(body, signWebhook(body, secret, t + 301), secret, 300, now)).toThrow('outside the tolerance');
  });

  it('rejects a replayed signature whose timestamp was swapped for a fresh one', () => {
    const old = signWebhook(body, secret, t - 3600);
    const forged = old.replace(/^t=\d+/, `t=${t}`);
    expect(() => verifyWebhookSignature(body, forged, secret, 300, now)).toThrow('signature mismatch');
  });

  it('rejects missing and malformed headers', () => {
    expect(() => verifyWebhookSignature(body, undefined, secret, 300, now)).toThrow('missing signature');
    expect(() => verifyWebhookSignature(body, 'v1=zz', secret, 300, now)).toThrow('malformed signature');
  });
});
