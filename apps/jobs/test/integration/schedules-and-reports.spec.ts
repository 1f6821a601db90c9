import { Queue } from 'bullmq';
import { register } from 'prom-client';
import { Role } from '@mestres/auth';
import { JobName } from '../../src/queues/job-name.enum';
import { dueTime } from '../../src/queues/job-workers';
import { JobQueues } from '../../src/queues/job-queues';
import { QueueName } from '../../src/queues/queue-name.enum';
import { anEnrollment } from '../builders/enrollment.builder';
import { anOrder } from '../builders/order.builder';
import { createJobsTestEnvironment, eventually, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

async function completedRuns(job: JobName): Promise<number> {
  const metric = register.getSingleMetric('mestres_queue_jobs_total');
  const values = (await metric?.get())?.values ?? [];
  return values.filter((value) => value.labels.job === job && value.labels.outcome === 'completed').reduce((sum, value) => sum + value.value, 0);
}

describe('Scheduled jobs', () => {
  let env: JobsTestEnvironment;

  afterEach(async () => {
    await env?.close();
  });

  it('runs each slot of a schedule once although two instances run it', async () => {
    // Every second, so a few slots pass during the test.
    env = await createJobsTestEnvironment({ REPORT_SCHEDULE: '* * * * * *' });
    const before = await completedRuns(JobName.NIGHTLY_REPORT);
    const instances = [await env.start(), await env.start()];
    const heavy = new Queue(QueueName.HEAVY, { connection: { url: env.env.REDIS_URL }, prefix: `${env.env.REDIS_PREFIX}bull` });

    await eventually(async () => (await heavy.getCompletedCount()) >= 4);
    // Stopped (running jobs finish) before counting, so every run is both counted and stored.
    for (const instance of instances) await instance.close();

    const completed = await heavy.getJobs(['completed']);
    await heavy.close();
    const runs = completed.filter((job) => job.name === JobName.NIGHTLY_REPORT);
    // The slot a run was due at: two runs of one slot (two schedulers, say) would share it.
    const slots = new Set(runs.map(dueTime));
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(slots.size).toBe(runs.length);
    // Both instances' workers count into the same process-wide metric: one run per slot.
    expect((await completedRuns(JobName.NIGHTLY_REPORT)) - before).toBe(runs.length);
  });
});

describe('Nightly report', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;
  const admin = { userId: 'admin-1', roles: [Role.ADMIN] };
  const REPORTS = `query { reports(first: 10) { totalCount edges { node { id day timeZone
    sales { currency ordersPlaced ordersPaid revenueCents ordersShipped ordersCancelled ordersRefunded refundedCents }
    enrollments { confirmed waitlisted cancelled coursesCompleted } } } } }`;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  async function runReport(date: string): Promise<string> {
    const queues = jobs.get(JobQueues);
    const jobId = await queues.add(JobName.NIGHTLY_REPORT, { date }, { jobId: `nightly-report.manual-${date}-${Date.now()}` });
    const done = await eventually(async () => {
      const found = await queues.find(jobId);
      return (await found?.job.getState()) === 'completed' ? found!.job.id : undefined;
    });
    // Fetched again: the copy read before the state may predate the completion.
    return ((await queues.find(done))!.job.returnvalue as { reportId: string }).reportId;
  }

  it('aggregates a day of orders and enrollments in the shop time zone and serves it to admins', async () => {
    // 14 March in São Paulo runs from 03:00 UTC on the 14th to 03:00 UTC on the 15th.
    const inDay = anOrder().at('2026-03-14T15:00:00Z');
    await env.publish('orders.order.placed.v1', inDay.placed());
    await env.publish('orders.order.paid.v1', inDay.paid());
    await env.publish('orders.order.refunded.v1', inDay.refunded(1000));
    const lateEvening = anOrder().at('2026-03-15T02:00:00Z');
    await env.publish('orders.order.placed.v1', lateEvening.placed());
    await env.publish('orders.order.cancelled.v1', lateEvening.cancelled());
    const nextDay = anOrder().at('2026-03-15T03:30:00Z');
    await env.publish('orders.order.placed.v1', nextDay.placed());
    await env.publish('courses.enrollment.confirmed.v1', anEnrollment().confirmed(), { occurredAt: '2026-03-14T18:00:00Z' });
    await env.publish('courses.enrollment.waitlisted.v1', anEnrollment().waitlisted(), { occurredAt: '2026-03-14T19:00:00Z' });
    // The events are consumed asynchronously: wait until the last one is projected.
    await eventually(async () => {
      const rows: unknown[] = await env.db.tx.manager.query(`SELECT 1 FROM "${env.db.schema}".order_activity WHERE order_id = $1`, [nextDay.orderId]);
      const enrollments: unknown[] = await env.db.tx.manager.query(`SELECT 1 FROM "${env.db.schema}".enrollment_activity WHERE status = 'WAITLISTED'`);
      return rows.length === 1 && enrollments.length === 1;
    });

    const reportId = await runReport('2026-03-14');
    const { body } = await env.graphql<{ reports: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> } }>(
      jobs,
      REPORTS,
      {},
      env.identityHeaders(admin),
    );

    expect(body.errors).toBeUndefined();
    expect(body.data?.reports.totalCount).toBe(1);
    expect(body.data?.reports.edges[0].node).toEqual({
      id: reportId,
      day: '2026-03-14',
      timeZone: 'America/Sao_Paulo',
      sales: {
        currency: 'BRL',
        ordersPlaced: 2,
        ordersPaid: 1,
        revenueCents: 11480,
        ordersShipped: 0,
        ordersCancelled: 1,
        ordersRefunded: 1,
        refundedCents: 1000,
      },
      enrollments: { confirmed: 1, waitlisted: 1, cancelled: 0, coursesCompleted: 0 },
    });
  });

  it('replaces the report of a day when it runs again instead of adding one', async () => {
    const first = await runReport('2026-03-10');
    const second = await runReport('2026-03-10');

    const { body } = await env.graphql<{ report: { id: string; day: string } | null }>(
      jobs,
      `query($id: ID!) { report(id: $id) { id day } }`,
      { id: second },
      env.identityHeaders(admin),
    );
    expect(second).toBe(first);
    expect(body.data?.report).toEqual({ id: first, day: '2026-03-10' });
  });

  it('answers null for an unknown report and refuses non-admins', async () => {
    const unknown = await env.graphql(jobs, `{ report(id: "not-a-report") { id } }`, {}, env.identityHeaders(admin));
    const customer = await env.graphql(jobs, REPORTS, {}, env.identityHeaders({ userId: 'c', roles: [Role.CUSTOMER] }));

    expect(unknown.body).toEqual({ data: { report: null } });
    expect(customer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
