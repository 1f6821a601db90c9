import { register } from 'prom-client';
import { ActiveUsersTracker } from '../../src/metrics/active-users.tracker';
import { redisTestClient } from './redis-test-client';

describe(ActiveUsersTracker.name, () => {
  let client: Awaited<ReturnType<typeof redisTestClient>>;

  beforeAll(async () => {
    client = await redisTestClient();
  });

  afterAll(() => client.dispose());

  it('counts distinct users over the last five minutes, across trackers (pods)', async () => {
    let clock = 10 * 60_000;
    const podA = new ActiveUsersTracker(client.redis);
    const podB = new ActiveUsersTracker(client.redis);
    podA.now = podB.now = () => clock;
    podA.seen('alice');
    podA.seen('alice');
    podB.seen('alice');
    podB.seen('bob');
    await Promise.all([podA.flush(), podB.flush()]);
    expect(await podA.count()).toBe(2);

    clock += 3 * 60_000;
    podB.seen('carol');
    await podB.flush();
    expect(await podA.count()).toBe(3);

    clock += 3 * 60_000; // alice and bob were last seen six minutes ago
    expect(await podA.count()).toBe(1);
  });

  it('reports the count as mestres_gateway_active_users at scrape time', async () => {
    const tracker = new ActiveUsersTracker(client.redis);
    tracker.now = () => 50 * 60_000;
    tracker.onModuleInit();
    try {
      tracker.seen('dave');
      const text = await register.metrics();
      expect(text).toMatch(/mestres_gateway_active_users(\{[^}]*\})? 1\b/);
    } finally {
      await tracker.onModuleDestroy();
    }
  });
});
