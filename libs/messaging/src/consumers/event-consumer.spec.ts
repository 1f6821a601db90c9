import { ContractViolationError } from '../messaging.errors';
import { decodeEnvelope } from './event-consumer';

const envelope = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    eventId: '01937e4c-2f3a-7c2d-8a9b-0c1d2e3f4a5b',
    subject: 'catalog.stock.changed.v1',
    occurredAt: '2026-11-29T12:00:00.000Z',
    version: 1,
    producer: 'catalog',
    payload: { sku: 'BA-250', onHand: 10, reserved: 2, available: 8 },
    ...overrides,
  });

describe('decodeEnvelope', () => {
  it('returns the envelope with its validated payload', () => {
    expect(decodeEnvelope(envelope(), 'catalog.stock.changed.v1')).toMatchObject({
      subject: 'catalog.stock.changed.v1',
      payload: { sku: 'BA-250', available: 8 },
    });
  });

  it.each([
    ['a body that is not JSON', '{"eventId":', 'not JSON'],
    ['an envelope without an event id', envelope({ eventId: undefined }), 'eventId'],
    ['a subject other than the one it arrived on', envelope({ subject: 'catalog.product.created.v1' }), 'does not match'],
    ['a version other than the subject suffix', envelope({ version: 2 }), 'carries version 2'],
    ['a payload that breaks the schema', envelope({ payload: { sku: 'BA-250', onHand: -1 } }), 'onHand'],
  ])('rejects %s as poison', (_case, body, reason) => {
    const decode = () => decodeEnvelope(body, 'catalog.stock.changed.v1');
    expect(decode).toThrow(ContractViolationError);
    expect(decode).toThrow(reason);
  });

  it('rejects an unknown subject', () => {
    expect(() => decodeEnvelope(envelope({ subject: 'catalog.stock.vanished.v1' }), 'catalog.stock.vanished.v1')).toThrow(
      'unknown event subject',
    );
  });
});
