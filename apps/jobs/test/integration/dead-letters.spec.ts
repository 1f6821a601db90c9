import { Role } from '@mestres/auth';
import { EmailLogRepository } from '../../src/email/email-log.repository';
import { jobIdFor } from '../../src/queues/job-catalog';
import { JOB_CATALOG } from '../../src/queues/job-catalog';
import { JobName } from '../../src/queues/job-name.enum';
import { JobQueues } from '../../src/queues/job-queues';
import { anEnrollment } from '../builders/enrollment.builder';
import { aUserRegistered } from '../builders/user-registered.builder';
import { createJobsTestEnvironment, eventually, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

const FAILED_JOBS = `query Failed($queue: QueueName!) { failedJobs(queue: $queue, first: 50) { id name state attemptsMade maxAttempts failedReason } }`;
const RETRY = `mutation Retry($id: ID!) { retryJob(id: $id) { id state attemptsMade } }`;

interface FailedJob {
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  maxAttempts: number;
  failedReason: string | null;
}

describe('Dead jobs', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;
  const admin = { userId: 'admin-1', roles: [Role.ADMIN] };

  beforeAll(async () => {
    // Tiny backoff: a job uses up its 20 attempts in about a second.
    env = await createJobsTestEnvironment({ JOBS_BACKOFF_BASE_MS: '10', JOBS_BACKOFF_MAX_MS: '40' });
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  async function failedJob(id: string): Promise<FailedJob | undefined> {
    const { body } = await env.graphql<{ failedJobs: FailedJob[] }>(jobs, FAILED_JOBS, { queue: 'LIGHT' }, env.identityHeaders(admin));
    return body.data?.failedJobs.find((job) => job.id === id);
  }

  it('retries an e-mail for an unknown user with backoff, then lists it as dead with the reason', async () => {
    const stranger = 'user-never-registered';
    const eventId = await env.publish('courses.enrollment.confirmed.v1', anEnrollment().forUser(stranger).confirmed());
    const jobId = jobIdFor(JobName.ENROLLMENT_CONFIRMATION_EMAIL, eventId);

    const dead = await eventually(() => failedJob(jobId));

    const attempts = JOB_CATALOG[JobName.ENROLLMENT_CONFIRMATION_EMAIL].attempts;
    expect(dead).toEqual({
      id: jobId,
      name: JobName.ENROLLMENT_CONFIRMATION_EMAIL,
      state: 'failed',
      attemptsMade: attempts,
      maxAttempts: attempts,
      failedReason: `no e-mail address for user ${stranger}: users.user.registered.v1 not received (yet)`,
    });
    expect(await jobs.get(EmailLogRepository).findByJobId(jobId)).toMatchObject({ status: 'failed', attempts, recipient: null });
  });

  it('delivers a dead e-mail once an admin retries it after the cause is fixed', async () => {
    const user = aUserRegistered().build();
    const eventId = await env.publish('courses.enrollment.waitlisted.v1', anEnrollment().forUser(user.userId).waitlisted());
    const jobId = jobIdFor(JobName.WAITLIST_EMAIL, eventId);
    await eventually(() => failedJob(jobId));

    await env.publish('users.user.registered.v1', user);
    await eventually(async () => {
      const { body } = await env.graphql<{ retryJob: { id: string; state: string; attemptsMade: number } }>(
        jobs,
        RETRY,
        { id: jobId },
        env.identityHeaders(admin),
      );
      // The recipient event may still be on its way: retry until the job goes through.
      if (body.errors) throw new Error(body.errors[0].message);
      expect(body.data?.retryJob).toMatchObject({ id: jobId, attemptsMade: 0 });
      return env.smtp.waitFor((email) => email.envelope.to.includes(user.email), 5000);
    });

    const log = await eventually(async () => {
      const row = await jobs.get(EmailLogRepository).findByJobId(jobId);
      return row?.status === 'sent' ? row : undefined;
    });
    expect(log.recipient).toBe(user.email);
    expect(env.smtp.messagesTo(user.email)).toHaveLength(1);
    expect(await failedJob(jobId)).toBeUndefined();
  });

  it('fails an e-mail at once when the SMTP server refuses the recipient permanently', async () => {
    const user = aUserRegistered().build();
    env.smtp.rejectRecipient(user.email, 550);
    await env.publish('users.user.registered.v1', user);
    const eventId = await env.publish('courses.enrollment.confirmed.v1', anEnrollment().forUser(user.userId).confirmed());
    const jobId = jobIdFor(JobName.ENROLLMENT_CONFIRMATION_EMAIL, eventId);

    const dead = await eventually(() => failedJob(jobId));

    expect(dead?.attemptsMade).toBe(1);
    expect(dead?.failedReason).toMatch(/^SMTP refused the e-mail permanently: .*550/);
    expect(await jobs.get(EmailLogRepository).findByJobId(jobId)).toMatchObject({ status: 'failed', attempts: 1, recipient: user.email });
  });

  it('refuses to retry a job that is not dead, and an unknown one', async () => {
    const queues = jobs.get(JobQueues);
    const jobId = await queues.add(JobName.PING, { sentAt: Date.now() }, { jobId: 'ping.not-dead', delayMs: 60_000 });

    const notDead = await env.graphql(jobs, RETRY, { id: jobId }, env.identityHeaders(admin));
    const unknown = await env.graphql(jobs, RETRY, { id: 'no-such-job' }, env.identityHeaders(admin));

    expect(notDead.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows dead jobs to admins only', async () => {
    const anonymous = await env.graphql(jobs, FAILED_JOBS, { queue: 'LIGHT' });
    const customer = await env.graphql(jobs, FAILED_JOBS, { queue: 'LIGHT' }, env.identityHeaders({ userId: 'c-1', roles: [Role.CUSTOMER] }));
    const retryByCustomer = await env.graphql(jobs, RETRY, { id: 'x' }, env.identityHeaders({ userId: 'c-1', roles: [Role.CUSTOMER] }));

    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(customer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(retryByCustomer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
