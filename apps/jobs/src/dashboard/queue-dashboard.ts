import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JobQueues } from '../queues/job-queues';
import { DASHBOARD_COOKIE, DashboardAuthenticator } from './dashboard-auth';
import { LOGIN_PAGE } from './login-page';

/** Where the dashboard is served. */
export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_AUTHENTICATOR = Symbol('DASHBOARD_AUTHENTICATOR');

const LOGIN = '/login';

/**
 * Bull Board (queues, jobs, retries, schedulers) at {@link DASHBOARD_PATH}, inside its own
 * Fastify scope whose `onRequest` hook admits admins only (see `DashboardAuthenticator`);
 * only the sign-in page is public. Browsers are sent to the sign-in page, API calls get
 * 401/403.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: JobQueues,
    @Inject(DASHBOARD_AUTHENTICATOR) private readonly auth: DashboardAuthenticator,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.register !== 'function') {
      this.logger.warn('queue dashboard not mounted: the HTTP server is not Fastify');
      return;
    }
    const board = new FastifyAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.entries().map(([, queue]) => new BullMQAdapter(queue)),
      // @bull-board/fastify pins its own copy of @bull-board/api (one patch behind); same shape at runtime.
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Mestres Café' } },
    });

    await fastify.register(
      async (scope) => {
        scope.get(LOGIN, async (_request, reply) => reply.type('text/html; charset=utf-8').send(LOGIN_PAGE));
        scope.post(LOGIN, async (request, reply) => this.login(request, reply));
        scope.addHook('onRequest', async (request, reply) => {
          if (request.url.split('?')[0] === `${DASHBOARD_PATH}${LOGIN}`) return;
          const access = await this.auth.authorize(request.headers);
          if (access.allowed) return;
          const wantsPage = request.method === 'GET' && String(request.headers.accept ?? '').includes('text/html');
          if (wantsPage && access.status === 401) return reply.redirect(`${DASHBOARD_PATH}${LOGIN}`);
          return reply.code(access.status).send({ error: access.reason });
        });
        await scope.register(board.registerPlugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  private async login(request: FastifyRequest, reply: FastifyReply) {
    const token = (request.body as { accessToken?: unknown } | undefined)?.accessToken;
    if (typeof token !== 'string' || token === '') return reply.code(400).send({ error: 'accessToken is required' });
    const access = await this.auth.authorizeToken(token);
    if (!access.allowed) return reply.code(access.status).send({ error: access.reason });
    const maxAge = Math.max(0, (access.expiresAt ?? 0) - Math.floor(Date.now() / 1000));
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
    );
    return reply.code(204).send();
  }
}
