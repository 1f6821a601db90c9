import { Queue } from 'bullmq';
import { QueueName } from '../../src/queues/queue-name.enum';
import { aUserRegistered } from '../builders/user-registered.builder';
import { anEnrollment } from '../builders/enrollment.builder';
import { createJobsTestEnvironment, eventually, type JobsTestEnvironment } from '../support/jobs-test-env';
import { spawnJobsProcess, type JobsProcess } from '../support/spawn-jobs-process';

const BATCH = 30;

describe('Jobs service crash', () => {
  let env: JobsTestEnvironment;
  let crashed: JobsProcess | undefined;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
  });

  afterAll(async () => {
    await crashed?.kill();
    await env?.close();
  });

  async function lightJobCount(): Promise<number> {
    const queue = new Queue(QueueName.LIGHT, { connection: { url: env.env.REDIS_URL }, prefix: `${env.env.REDIS_PREFIX}bull` });
    try {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    } finally {
      await queue.close();
    }
  }

  async function emailStatuses(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; count: number }> = await env.db.tx.manager.query(
      `SELECT status, count(*)::int AS count FROM "${env.db.schema}".email_log GROUP BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }

  it('loses nothing and sends nothing twice when killed in the middle of a batch', async () => {
    crashed = await spawnJobsProcess(env.env);
    const users = Array.from({ length: BATCH }, () => aUserRegistered().build());
    for (const user of users) await env.publish('users.user.registered.v1', user);
    for (const user of users) await env.publish('courses.enrollment.confirmed.v1', anEnrollment().forUser(user.userId).startingIn(30 * 86_400_000).confirmed());

    // Let part of the batch through, then freeze new SMTP deliveries so some jobs are caught
    // mid-delivery, and kill the process once every accepted e-mail is recorded as sent
    // (the window between the SMTP "250 OK" and that record is the one case that can repeat).
    await eventually(() => env.smtp.messages().length >= 8);
    env.smtp.hold();
    await eventually(async () => env.smtp.heldCount > 0 && (await emailStatuses()).sent === env.smtp.messages().length);
    // Every event turned into its jobs (a confirmation and a reminder each), so the crash
    // hits the jobs, not the event consumer (whose redelivery is covered elsewhere).
    await eventually(async () => (await lightJobCount()) >= 2 * BATCH);
    const deliveredBeforeCrash = env.smtp.messages().length;
    const inFlight = (await emailStatuses()).sending ?? 0;
    await crashed.kill();
    crashed = undefined;
    env.smtp.release();

    await env.start();
    await eventually(() => env.smtp.messages().length >= BATCH, 60_000);
    await eventually(async () => (await emailStatuses()).sent === BATCH, 30_000);

    expect(deliveredBeforeCrash).toBeLessThan(BATCH);
    expect(inFlight).toBeGreaterThan(0);
    for (const user of users) expect(env.smtp.messagesTo(user.email)).toHaveLength(1);
    expect(env.smtp.messages()).toHaveLength(BATCH);
    expect(await emailStatuses()).toEqual({ sent: BATCH });
  }, 120_000);
});
