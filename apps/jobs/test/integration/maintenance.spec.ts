import { connect } from '@nats-io/transport-node';
import { MessagingNames } from '@mestres/messaging';
import { EmailLogRepository } from '../../src/email/email-log.repository';
import { JobName } from '../../src/queues/job-name.enum';
import { JobQueues } from '../../src/queues/job-queues';
import { createJobsTestEnvironment, eventually, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

describe('Maintenance jobs', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;

  beforeAll(async () => {
    env = await createJobsTestEnvironment({ PARTITION_MONTHS_AHEAD: '4', EMAIL_LOG_RETENTION_DAYS: '30' });
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  async function run<J extends JobName.ORDER_PARTITION_MAINTENANCE | JobName.RETENTION_CLEANUP>(job: J): Promise<unknown> {
    const queues = jobs.get(JobQueues);
    const jobId = await queues.add(job, {}, { jobId: `${job}.test-${Date.now()}` });
    const done = await eventually(async () => {
      const found = await queues.find(jobId);
      const state = await found?.job.getState();
      if (state === 'failed') throw new Error(found!.job.failedReason);
      return state === 'completed' ? found!.job.id : undefined;
    });
    // Fetched again: the copy read before the state may predate the completion.
    return (await queues.find(done))!.job.returnvalue;
  }

  it('asks the orders service to create the coming partitions', async () => {
    // Stands in for the orders service's responder.
    const nats = await connect({ servers: env.env.NATS_URL });
    const requests: unknown[] = [];
    const subscription = nats.subscribe(new MessagingNames(env.env.NATS_PREFIX).rpcSubject('orders.maintenance.ensure-partitions.v1'), {
      callback: (_error, message) => {
        const request = message.json<{ monthsAhead: number }>();
        requests.push(request);
        message.respond(JSON.stringify({ result: { created: ['orders_2026_07'], monthsAhead: request.monthsAhead } }));
      },
    });
    try {
      expect(await run(JobName.ORDER_PARTITION_MAINTENANCE)).toEqual({ created: ['orders_2026_07'] });
      expect(requests).toEqual([{ monthsAhead: 4 }]);
    } finally {
      subscription.unsubscribe();
      await nats.close();
    }
  });

  it('deletes e-mail log rows older than the retention', async () => {
    const table = `"${env.db.schema}".email_log`;
    await env.db.tx.manager.query(
      `INSERT INTO ${table} (job_id, job_name, status, created_at) VALUES ('old', 'x', 'failed', now() - interval '31 days'), ('recent', 'x', 'failed', now() - interval '29 days')`,
    );

    expect(await run(JobName.RETENTION_CLEANUP)).toEqual({ emailLogRowsDeleted: 1 });
    expect(await jobs.get(EmailLogRepository).findByJobId('old')).toBeNull();
    expect(await jobs.get(EmailLogRepository).findByJobId('recent')).not.toBeNull();
  });
});
