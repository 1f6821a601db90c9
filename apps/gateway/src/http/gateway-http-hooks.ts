import cluster from 'node:cluster';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { clusterMetricsHook } from '../cluster/cluster-metrics';
import { compressionHook } from './compression';
import { corsHook } from './cors';
import { securityHeadersHook } from './security-headers';

export const HTTP_SETTINGS = Symbol('HTTP_SETTINGS');

export interface HttpSettings {
  corsOrigins: string[];
  hsts: boolean;
  /** 0 disables compression. */
  compressionMinBytes: number;
}

/**
 * Installs the gateway's Fastify hooks when the app initialises (before it listens):
 * strict CORS, security headers, compression, and cluster-wide `/metrics` in workers.
 * Done here rather than in main.ts so tests that boot the module get them too.
 */
@Injectable()
export class GatewayHttpHooks implements OnModuleInit {
  constructor(
    @Inject(HTTP_SETTINGS) private readonly settings: HttpSettings,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', corsHook(this.settings.corsOrigins));
    if (cluster.isWorker) fastify.addHook('onRequest', clusterMetricsHook());
    fastify.addHook('onSend', securityHeadersHook({ hsts: this.settings.hsts }));
    // Last, so it sees the final payload and headers.
    if (this.settings.compressionMinBytes > 0) fastify.addHook('onSend', compressionHook({ minBytes: this.settings.compressionMinBytes }));
  }
}
