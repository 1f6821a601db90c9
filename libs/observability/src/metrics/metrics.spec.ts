import { register } from 'prom-client';
import { Metrics } from './metrics';

async function scrape(): Promise<string> {
  return register.metrics();
}

describe(Metrics.name, () => {
  it('records database queries by kind', async () => {
    const metrics = new Metrics();
    metrics.observeDbQuery('read', 0.004);
    metrics.observeDbQuery('write', 0.2);
    const text = await scrape();
    expect(text).toMatch(/mestres_db_query_duration_seconds_bucket\{le="0.005",kind="read"\} 1/);
    expect(text).toMatch(/mestres_db_query_duration_seconds_count\{kind="write"\} 1/);
  });

  it('shares one set of series between instances, as two apps in one process would', async () => {
    new Metrics().cacheResult('product', 'hit');
    new Metrics().cacheResult('product', 'hit');
    expect(await scrape()).toContain('mestres_cache_requests_total{cache="product",result="hit"} 2');
  });

  it('reads pool occupancy at scrape time, summing pools', async () => {
    const metrics = new Metrics();
    let idle = 3;
    const untrackPrimary = metrics.trackDbPool(() => ({ total: 10, idle, waiting: 0 }));
    const untrackReplica = metrics.trackDbPool(() => ({ total: 5, idle: 1, waiting: 2 }));
    idle = 7;
    const text = await scrape();
    untrackPrimary();
    untrackReplica();
    expect(text).toContain('mestres_db_pool_connections{state="total"} 15');
    expect(text).toContain('mestres_db_pool_connections{state="idle"} 8');
    expect(text).toContain('mestres_db_pool_connections{state="waiting"} 2');
  });

  it('stops reading a pool once it is untracked, and survives a pool that throws', async () => {
    const metrics = new Metrics();
    const untrack = metrics.trackDbPool(() => ({ total: 100, idle: 0, waiting: 0 }));
    const untrackBroken = metrics.trackDbPool(() => {
      throw new Error('pool destroyed');
    });
    expect(await scrape()).toContain('mestres_db_pool_connections{state="total"} 100');
    untrack();
    expect(await scrape()).not.toContain('mestres_db_pool_connections{state="total"} 100');
    untrackBroken();
  });

  it('keeps scraping when a queue depth source fails', async () => {
    const metrics = new Metrics();
    metrics.trackQueueDepth('email', async () => ({ waiting: 4, active: 1 }));
    metrics.trackQueueDepth('broken', async () => {
      throw new Error('redis down');
    });
    const text = await scrape();
    expect(text).toContain('mestres_queue_depth{queue="email",state="waiting"} 4');
    expect(text).not.toContain('queue="broken"');
  });

  it('counts jobs and NATS messages with their outcome', async () => {
    const metrics = new Metrics();
    metrics.queueJobStarted('email', 'send-receipt', 0.5);
    metrics.queueJobFinished('email', 'send-receipt', 'failed', 1.2);
    metrics.natsMessage('orders.order.paid.v1', 'consume', 'ok');
    const text = await scrape();
    expect(text).toContain('mestres_queue_jobs_total{queue="email",job="send-receipt",outcome="failed"} 1');
    expect(text).toContain('mestres_queue_job_wait_seconds_count{queue="email",job="send-receipt"} 1');
    expect(text).toContain('mestres_nats_messages_total{subject="orders.order.paid.v1",direction="consume",outcome="ok"} 1');
  });
});
