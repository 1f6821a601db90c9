import { Role, type CallerIdentity } from '@mestres/auth';
import { createJobsTestEnvironment, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

const OPERATIONS = {
  failedJobs: `{ failedJobs(queue: LIGHT) { id } }`,
  retryJob: `mutation { retryJob(id: "no-such-job") { id } }`,
  reports: `{ reports { totalCount } }`,
  report: `{ report(id: "00000000-0000-0000-0000-000000000000") { id } }`,
};

const CALLERS: Record<string, CallerIdentity | null> = {
  anonymous: null,
  customer: { userId: 'c-1', roles: [Role.CUSTOMER] },
  instructor: { userId: 'i-1', roles: [Role.INSTRUCTOR] },
  admin: { userId: 'a-1', roles: [Role.ADMIN] },
};

/** Expected outcome per operation and caller: an error code, or `ok`. */
const MATRIX: Record<keyof typeof OPERATIONS, Record<keyof typeof CALLERS, string>> = {
  failedJobs: { anonymous: 'UNAUTHENTICATED', customer: 'FORBIDDEN', instructor: 'FORBIDDEN', admin: 'ok' },
  // An admin reaches the resolver, which answers NOT_FOUND for the unknown id.
  retryJob: { anonymous: 'UNAUTHENTICATED', customer: 'FORBIDDEN', instructor: 'FORBIDDEN', admin: 'NOT_FOUND' },
  reports: { anonymous: 'UNAUTHENTICATED', customer: 'FORBIDDEN', instructor: 'FORBIDDEN', admin: 'ok' },
  report: { anonymous: 'UNAUTHENTICATED', customer: 'FORBIDDEN', instructor: 'FORBIDDEN', admin: 'ok' },
};

describe('jobs authorization matrix', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  const cases = Object.entries(MATRIX).flatMap(([operation, row]) =>
    Object.entries(row).map(([caller, expected]) => [operation as keyof typeof OPERATIONS, caller, expected] as const),
  );

  it.each(cases)('%s as %s answers %s', async (operation, caller, expected) => {
    const { body } = await env.graphql(jobs, OPERATIONS[operation], {}, env.identityHeaders(CALLERS[caller]));

    expect(body.errors?.[0]?.extensions?.code ?? 'ok').toBe(expected);
  });
});
