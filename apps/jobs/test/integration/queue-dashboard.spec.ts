import { randomUUID } from 'node:crypto';
import { AccessTokenSigner, loadAccessTokenSigningKey, markSessionsRevoked, Role } from '@mestres/auth';
import { createJobsTestEnvironment, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

describe('Queue dashboard', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;
  let signer: AccessTokenSigner;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
    jobs = await env.start();
    const key = await loadAccessTokenSigningKey({ NODE_ENV: 'test' });
    signer = new AccessTokenSigner(key, { issuer: jobs.config.JWT_ISSUER, audience: jobs.config.JWT_AUDIENCE, ttlSeconds: 300 });
  });

  afterAll(async () => {
    await env?.close();
  });

  const token = async (roles: Role[], sessionId = randomUUID()) =>
    (await signer.sign({ userId: randomUUID(), roles, sessionId, tokenVersion: 1 })).token;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${jobs.baseUrl}/admin/queues${path}`, { headers, redirect: 'manual' });

  it('shows the queues to an admin bearer token', async () => {
    const response = await get('/api/queues', { authorization: `Bearer ${await token([Role.ADMIN])}` });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(['heavy', 'light']);
  });

  it('admits an admin identity signed by the gateway', async () => {
    const response = await get('/api/queues', env.identityHeaders({ userId: 'admin-1', roles: [Role.ADMIN] }));

    expect(response.status).toBe(200);
  });

  it('refuses anonymous API calls and sends anonymous browsers to the sign-in page', async () => {
    const api = await get('/api/queues');
    const page = await get('/', { accept: 'text/html' });

    expect(api.status).toBe(401);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/admin/queues/login');
  });

  it('refuses customers, forged identities and revoked tokens', async () => {
    const customer = await get('/api/queues', { authorization: `Bearer ${await token([Role.CUSTOMER])}` });
    const forged = await get('/api/queues', { 'x-mestres-identity': 'e30', 'x-mestres-identity-sig': '0'.repeat(64) });
    const sessionId = randomUUID();
    const revokedToken = await token([Role.ADMIN], sessionId);
    await markSessionsRevoked(env.redis, [sessionId], 300);
    const revoked = await get('/api/queues', { authorization: `Bearer ${revokedToken}` });

    expect(customer.status).toBe(403);
    expect(forged.status).toBe(401);
    expect(revoked.status).toBe(401);
  });

  it('signs an admin in with an HttpOnly cookie that then opens the dashboard', async () => {
    const login = await fetch(`${jobs.baseUrl}/admin/queues/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: await token([Role.ADMIN]) }),
    });
    const cookie = login.headers.get('set-cookie') ?? '';

    expect(login.status).toBe(204);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const page = await get('/', { cookie: cookie.split(';')[0], accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('refuses to sign in a customer', async () => {
    const login = await fetch(`${jobs.baseUrl}/admin/queues/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: await token([Role.CUSTOMER]) }),
    });

    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
  });
});
