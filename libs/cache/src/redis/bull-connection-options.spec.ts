import { createBullConnectionOptions } from './bull-connection-options';

describe(createBullConnectionOptions.name, () => {
  it('lets BullMQ commands wait for a reconnect and sets no key prefix', () => {
    const options = createBullConnectionOptions('redis://127.0.0.1:6379', { connectionName: 'jobs' });
    expect(options).toMatchObject({ url: 'redis://127.0.0.1:6379', connectionName: 'jobs', maxRetriesPerRequest: null, enableOfflineQueue: true });
    expect(options.keyPrefix).toBeUndefined();
    expect(typeof options.retryStrategy?.(1_000)).toBe('number');
  });
});
