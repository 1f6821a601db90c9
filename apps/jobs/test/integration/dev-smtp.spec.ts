import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createJobsTestEnvironment, type JobsTestEnvironment } from '../support/jobs-test-env';
import { Mailer } from '../../src/email/mailer';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Dev SMTP server in development', () => {
  let env: JobsTestEnvironment;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('runs inside the jobs service and shows what it received at /dev/emails', async () => {
    const port = await freePort();
    const jobs = await env.start({ NODE_ENV: 'development', SMTP_URL: `smtp://127.0.0.1:${port}` });

    await jobs.get(Mailer).send({
      to: { email: 'dev@example.com', name: 'Dev' },
      subject: 'Olá do ambiente local',
      text: 'Teste',
      html: '<p>Teste</p>',
      messageId: '<dev-1@mestrescafe.com.br>',
    });
    const response = await fetch(`${jobs.baseUrl}/dev/emails`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { running: boolean; emails: Array<{ subject: string; to: string[] }> };
    expect(body.running).toBe(true);
    expect(body.emails).toEqual([expect.objectContaining({ subject: 'Olá do ambiente local', to: ['dev@example.com'] })]);
  });

  it('is absent outside development', async () => {
    const jobs = await env.start();

    expect((await fetch(`${jobs.baseUrl}/dev/emails`)).status).toBe(404);
  });
});
