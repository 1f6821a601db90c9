import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import type { CircuitBreakerSettings } from './circuit-breaker';
import { SubgraphDataSource } from './subgraph-data-source';

export const SUBGRAPH_SETTINGS = Symbol('SUBGRAPH_SETTINGS');

export interface SubgraphSettings {
  timeoutMs: number;
  /** Timeouts of subgraphs that need another one than `timeoutMs`. */
  timeoutOverridesMs: Record<string, number>;
  maxSockets: number;
  dedupe: boolean;
  circuit: CircuitBreakerSettings;
  /** URL per subgraph name overriding the supergraph's (deployment config). */
  urlOverrides: Record<string, string | undefined>;
}

/** Creates the gateway's data sources (`buildService`) and closes their connection pools on shutdown. */
@Injectable()
export class SubgraphDataSources implements OnApplicationShutdown {
  private readonly sources = new Map<string, SubgraphDataSource>();

  constructor(
    @Inject(SUBGRAPH_SETTINGS) private readonly settings: SubgraphSettings,
    private readonly metrics: GatewayMetrics,
  ) {}

  create(name: string, supergraphUrl: string | undefined): SubgraphDataSource {
    const url = this.settings.urlOverrides[name] ?? supergraphUrl;
    if (!url) throw new Error(`no URL for subgraph ${name}: set ${name.toUpperCase()}_URL`);
    const source = new SubgraphDataSource({
      name,
      url,
      timeoutMs: this.settings.timeoutOverridesMs[name] ?? this.settings.timeoutMs,
      maxSockets: this.settings.maxSockets,
      dedupe: this.settings.dedupe,
      circuit: this.settings.circuit,
      metrics: this.metrics,
    });
    this.sources.set(name, source);
    return source;
  }

  onApplicationShutdown(): void {
    for (const source of this.sources.values()) source.close();
  }
}
