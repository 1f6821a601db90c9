import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildBenchmarkSubgraph, SUBGRAPH_NAMES, type SubgraphName } from './schemas';

/** The four benchmark subgraphs served by one process, at `/<name>` (as the public benchmark does). */
export interface SubgraphServer {
  readonly port: number;
  url(name: SubgraphName): string;
  /** Requests served per subgraph since start (also at GET /stats). */
  requestCounts(): Record<string, number>;
  /** Makes every answer wait this long from now on (0 for none). */
  setDelayMs(ms: number): void;
  close(): Promise<void>;
}

const MAX_CACHED_DOCUMENTS = 1000;

/**
 * A lean GraphQL-over-HTTP server: a gateway sends the same few subgraph operations over and
 * over, so each is parsed and validated once. Static data, no I/O: the subgraphs should cost
 * the shared CPU as little as possible, so the measurement is about the gateways.
 */
export interface SubgraphServerOptions {
  port?: number;
  host?: string;
  /** Which subgraphs this server serves (default all four): tests stop one to see the others survive. */
  subgraphs?: SubgraphName[];
  /** A `Cache-Control` header for every GraphQL response (the benchmark sends none). */
  cacheControl?: string;
  /** Delay before answering, to play a slow subgraph. */
  delayMs?: number;
}

export async function startSubgraphServer(options: SubgraphServerOptions = {}): Promise<SubgraphServer> {
  const served = options.subgraphs ?? SUBGRAPH_NAMES;
  let delayMs = options.delayMs ?? 0;
  const schemas = new Map<string, GraphQLSchema>(served.map((name) => [`/${name}`, buildBenchmarkSubgraph(name)]));
  const documents = new Map<string, Map<string, DocumentNode>>();
  const counts: Record<string, number> = Object.fromEntries(served.map((name) => [name, 0]));

  const documentFor = (path: string, schema: GraphQLSchema, query: string): DocumentNode | { error: string } => {
    let cache = documents.get(path);
    if (!cache) documents.set(path, (cache = new Map()));
    const cached = cache.get(query);
    if (cached) return cached;
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { error: errors.map((error) => error.message).join('; ') };
    if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
    cache.set(query, document);
    return document;
  };

  const server: Server = createServer((request, response) => {
    const schema = schemas.get(request.url ?? '');
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (request.method === 'GET' && request.url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
      return;
    }
    if (!schema || request.method !== 'POST') {
      response.writeHead(404).end();
      return;
    }
    counts[request.url!.slice(1)]++;
    void readBody(request).then(
      async (raw) => {
        let status = 200;
        let payload: unknown;
        try {
          const body = JSON.parse(raw) as { query: string; variables?: Record<string, unknown>; operationName?: string };
          const document = documentFor(request.url!, schema, body.query);
          if ('error' in document) {
            status = 400;
            payload = { errors: [{ message: document.error }] };
          } else {
            payload = await execute({ schema, document, variableValues: body.variables, operationName: body.operationName });
          }
        } catch (error) {
          status = 400;
          payload = { errors: [{ message: (error as Error).message }] };
        }
        const json = JSON.stringify(payload);
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) };
        if (options.cacheControl) headers['cache-control'] = options.cacheControl;
        response.writeHead(status, headers).end(json);
      },
      () => response.writeHead(400).end(),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    requestCounts: () => ({ ...counts }),
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
