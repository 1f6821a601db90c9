import { MESSAGING_DEFAULTS, resolveMessagingOptions } from './messaging.options';

describe('resolveMessagingOptions', () => {
  it('fills every setting from the defaults and keeps overrides', () => {
    const options = resolveMessagingOptions({
      service: 'orders',
      servers: ['nats://nats:4222'],
      consumers: { maxDeliver: 8 },
    });
    expect(options.consumers).toEqual({ ...MESSAGING_DEFAULTS.consumers, maxDeliver: 8 });
    expect(options.streams.duplicateWindowMs).toBe(120_000);
    expect(options.relay.enabled).toBe(true);
    expect(options.prefix).toBeUndefined();
  });

  it('lists every bad option in one error', () => {
    expect(() =>
      resolveMessagingOptions({
        service: 'orders service',
        servers: [],
        prefix: 'a.b',
        consumers: { maxDeliver: 0, inboxRetentionMs: 1000 },
      }),
    ).toThrow(
      /service "orders service" must match.*servers must list at least one NATS URL.*prefix "a\.b" must match.*maxDeliver must be at least 1.*inboxRetentionMs/,
    );
  });
});
