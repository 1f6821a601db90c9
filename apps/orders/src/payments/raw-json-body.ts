import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Requests under this path keep their raw body, for webhook signature checks. */
export const RAW_BODY_PATH_PREFIX = '/webhooks/';

export type RequestWithRawBody = FastifyRequest & { rawBody?: Buffer };

/**
 * Webhook signatures are computed over the exact bytes the provider sent, which the parsed JSON
 * no longer has. Nest's `rawBody` option belongs to the app factory (shared bootstrap); instead
 * this replaces the JSON parser Nest registered with one that parses identically (Fastify's
 * default, prototype-poisoning safe) and also keeps the bytes of webhook requests.
 */
@Injectable()
export class RawJsonBody implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addContentTypeParser) return;
    const parseJson = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
      const bytes = body as Buffer;
      if (request.url.startsWith(RAW_BODY_PATH_PREFIX)) (request as RequestWithRawBody).rawBody = bytes;
      parseJson(request, bytes.toString('utf8'), done);
    });
  }
}
