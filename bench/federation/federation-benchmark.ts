import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@mestres/testing';
import { runLoad, summarize, hasNoGraphqlErrors, type LatencySummary, type LoadResult } from '../support/load';
import { canMeasureCpu, processTreeCpuSeconds, processTreeRssMb } from '../support/process-cpu';
import { hasTaskset, startProcess, REPOSITORY_ROOT, type BenchProcess } from '../support/processes';
import { endpointOf, GATEWAYS, type GatewayId } from './gateways';
import { BENCHMARK_BODY } from './query';
import { SUBGRAPH_NAMES, type SubgraphName } from './subgraphs/schemas';
import { composeBenchmarkSupergraph } from './supergraph';

export interface FederationSettings {
  gateways: GatewayId[];
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Each gateway is measured this many times, in rotating order, to spread out noise. */
  rounds: number;
  /** Worker processes of this gateway. */
  mestresWorkers: number;
  /** CPU pinning (taskset): gateway on one set, subgraphs and load generator on another. */
  pinning?: { gateway: string; subgraphs: string };
  fromDist: boolean;
}

export interface GatewayResult {
  id: GatewayId;
  label: string;
  configuration: string;
  rounds: Array<{ requestsPerSecond: number; latencyMs: LatencySummary; cpuSecondsPer1000: number | null }>;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** Gateway CPU time (user + system, all its processes) per 1000 requests served. */
  cpuSecondsPer1000: number | null;
  /** Share of one core the gateway used while measured. */
  cpuCores: number | null;
  /** Resident memory of the gateway's processes at the end of the measurement (largest round). */
  memoryMb: number | null;
  subgraphCallsPerRequest: number;
  /** non-2xx, connection errors and responses with GraphQL errors, over all requests. */
  errorRate: number;
  /** requests/s over plain @apollo/gateway's. */
  throughputRatio: number | null;
}

export interface FederationResult {
  settings: FederationSettings & { query: string; responseBytes: number };
  results: GatewayResult[];
}

interface Measurement {
  load: LoadResult;
  times: number[];
  cpuSeconds: number | null;
  memoryMb: number | null;
  subgraphCalls: number;
}

/**
 * The public federation gateway benchmark's shape: four static subgraphs in one process
 * and the ~87 KB query, through each gateway in turn on the same machine. Each gateway is
 * started fresh, checked to return the reference response, warmed up, then measured with
 * autocannon; its CPU time comes from /proc for its whole process tree.
 */
export async function runFederationBenchmark(settings: FederationSettings, log: (line: string) => void): Promise<FederationResult> {
  const workdir = mkdtempSync(path.join(os.tmpdir(), 'mestres-bench-'));
  const processes: BenchProcess[] = [];
  try {
    const plain = await startSubgraphs(settings, workdir, 'plain', undefined);
    processes.push(plain.process);
    const cached = settings.gateways.includes('mestres-cached')
      ? await startSubgraphs(settings, workdir, 'cached', 'max-age=60, public')
      : undefined;
    if (cached) processes.push(cached.process);

    const reference = await referenceResponse(settings, plain.supergraph);
    const measurements = new Map<GatewayId, Measurement[]>(settings.gateways.map((id) => [id, []]));
    for (let round = 0; round < settings.rounds; round++) {
      const order = rotate(settings.gateways, round);
      for (const id of order) {
        const subgraphs = id === 'mestres-cached' && cached ? cached : plain;
        log(`round ${round + 1}/${settings.rounds}: ${GATEWAYS[id].label}`);
        measurements.get(id)!.push(await measureGateway(id, settings, subgraphs, reference));
      }
    }
    const results = settings.gateways.map((id) => summarizeGateway(id, settings, measurements.get(id)!));
    const apollo = results.find((result) => result.id === 'apollo');
    for (const result of results) result.throughputRatio = apollo ? result.requestsPerSecond / apollo.requestsPerSecond : null;
    return { settings: { ...settings, query: 'TestQuery (graphql-hive/graphql-gateways-benchmark k6.js)', responseBytes: Buffer.byteLength(reference) }, results };
  } finally {
    for (const process of processes.reverse()) await process.stop();
    rmSync(workdir, { recursive: true, force: true });
  }
}

interface Subgraphs {
  process: BenchProcess;
  port: number;
  supergraph: string;
  calls(): Promise<number>;
}

async function startSubgraphs(settings: FederationSettings, workdir: string, name: string, cacheControl: string | undefined): Promise<Subgraphs> {
  const port = await freePort();
  const process = await startProcess({
    name: `benchmark subgraphs (${name})`,
    script: path.join(REPOSITORY_ROOT, 'bench/federation/subgraphs/main.ts'),
    args: [String(port), ...(cacheControl ? [cacheControl] : [])],
    cpus: settings.pinning?.subgraphs,
    ready: async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
  });
  const supergraph = path.join(workdir, `supergraph-${name}.graphql`);
  writeFileSync(supergraph, composeBenchmarkSupergraph((subgraph: SubgraphName) => `http://127.0.0.1:${port}/${subgraph}`));
  const calls = async () => {
    const counts = (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as Record<string, number>;
    return SUBGRAPH_NAMES.reduce((sum, subgraph) => sum + (counts[subgraph] ?? 0), 0);
  };
  return { process, port, supergraph, calls };
}

/** The response plain @apollo/gateway gives, which every gateway must reproduce. */
async function referenceResponse(settings: FederationSettings, supergraph: string): Promise<string> {
  const port = await freePort();
  const gateway = await GATEWAYS.apollo.start({ supergraphFile: supergraph, port, workers: 1, fromDist: settings.fromDist });
  try {
    return await query(endpointOf('apollo', port));
  } finally {
    await gateway.stop();
  }
}

async function measureGateway(id: GatewayId, settings: FederationSettings, subgraphs: Subgraphs, reference: string): Promise<Measurement> {
  const port = await freePort();
  const gateway = await GATEWAYS[id].start({
    supergraphFile: subgraphs.supergraph,
    port,
    cpus: settings.pinning?.gateway,
    workers: settings.mestresWorkers,
    fromDist: settings.fromDist,
  });
  try {
    const url = endpointOf(id, port);
    const answer = await query(url);
    if (JSON.stringify(JSON.parse(answer)) !== JSON.stringify(JSON.parse(reference))) {
      throw new Error(`${GATEWAYS[id].label} does not return the reference response:\n${answer.slice(0, 500)}`);
    }
    const load = { url, connections: settings.connections, requests: [{ body: BENCHMARK_BODY }], verifyBody: hasNoGraphqlErrors };
    if (settings.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
    await sleep(250);
    const cpuBefore = canMeasureCpu() ? processTreeCpuSeconds(gateway.pid) : null;
    const callsBefore = await subgraphs.calls();
    const result = await runLoad({ ...load, durationSeconds: settings.durationSeconds, keepTimes: true });
    const cpuAfter = canMeasureCpu() ? processTreeCpuSeconds(gateway.pid) : null;
    const memoryMb = canMeasureCpu() ? processTreeRssMb(gateway.pid) : null;
    const callsAfter = await subgraphs.calls();
    return {
      load: result,
      times: result.times ?? [],
      cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      memoryMb,
      subgraphCalls: callsAfter - callsBefore,
    };
  } finally {
    await gateway.stop();
  }
}

function summarizeGateway(id: GatewayId, settings: FederationSettings, measurements: Measurement[]): GatewayResult {
  const requests = measurements.reduce((sum, each) => sum + each.load.requests, 0);
  const seconds = measurements.reduce((sum, each) => sum + each.load.durationSeconds, 0);
  const failures = measurements.reduce((sum, each) => sum + each.load.non2xx + each.load.errors + each.load.mismatches, 0);
  const cpu = measurements.every((each) => each.cpuSeconds !== null) ? measurements.reduce((sum, each) => sum + each.cpuSeconds!, 0) : null;
  return {
    id,
    label: GATEWAYS[id].label,
    configuration: GATEWAYS[id].describe({ supergraphFile: '', port: 0, workers: settings.mestresWorkers, fromDist: settings.fromDist }),
    rounds: measurements.map((each) => ({
      requestsPerSecond: each.load.requestsPerSecond,
      latencyMs: each.load.latencyMs,
      cpuSecondsPer1000: each.cpuSeconds === null || each.load.requests === 0 ? null : (each.cpuSeconds / each.load.requests) * 1000,
    })),
    requests,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    latencyMs: summarize(measurements.flatMap((each) => each.times)),
    cpuSecondsPer1000: cpu === null || requests === 0 ? null : (cpu / requests) * 1000,
    cpuCores: cpu === null || seconds === 0 ? null : cpu / seconds,
    memoryMb: measurements.every((each) => each.memoryMb !== null) ? Math.max(...measurements.map((each) => each.memoryMb!)) : null,
    subgraphCallsPerRequest: requests === 0 ? 0 : measurements.reduce((sum, each) => sum + each.subgraphCalls, 0) / requests,
    errorRate: requests === 0 ? 0 : failures / requests,
    throughputRatio: null,
  };
}

async function query(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BENCHMARK_BODY });
  const text = await response.text();
  if (response.status !== 200 || !hasNoGraphqlErrors(text)) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

function rotate<T>(items: T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Whether CPU pinning can be applied on this machine. */
export function pinningAvailable(): boolean {
  return hasTaskset() && os.availableParallelism() >= 2;
}
