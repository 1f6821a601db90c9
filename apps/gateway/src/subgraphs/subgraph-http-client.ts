import http from 'node:http';
import https from 'node:https';

/** What a subgraph answered: the raw body, parsed by each caller. */
export interface SubgraphHttpResponse {
  status: number;
  body: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

/** Why a fetch got no HTTP answer. */
export class SubgraphFetchError extends Error {
  constructor(
    readonly reason: 'TIMEOUT' | 'UNREACHABLE',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SubgraphFetchError';
  }
}

export interface SubgraphHttpClientOptions {
  url: string;
  timeoutMs: number;
  maxSockets: number;
}

/**
 * POSTs JSON to one subgraph over pooled keep-alive connections (one agent per subgraph, so
 * a slow subgraph cannot take the sockets of the others). Plain `node:http` rather than
 * fetch: it is the cheapest client Node has, and the gateway makes several calls per request.
 * Every call has a deadline covering connect, send and the whole response.
 */
export class SubgraphHttpClient {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  constructor(private readonly options: SubgraphHttpClientOptions) {
    this.url = new URL(options.url);
    const secure = this.url.protocol === 'https:';
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.request = secure ? https.request : http.request;
  }

  /**
   * Sends `body`. An idempotent call that fails on a reused keep-alive socket (the subgraph
   * closed it while idle) is retried once on a fresh connection.
   */
  async post(body: string, headers: Record<string, string>, idempotent: boolean): Promise<SubgraphHttpResponse> {
    try {
      return await this.send(body, headers);
    } catch (error) {
      if (idempotent && error instanceof StaleSocketError) return this.send(body, headers);
      throw error instanceof StaleSocketError ? error.cause : error;
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private send(body: string, headers: Record<string, string>): Promise<SubgraphHttpResponse> {
    return new Promise((resolve, reject) => {
      const payload = Buffer.from(body);
      const request = this.request(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length },
      });
      const timer = setTimeout(() => {
        request.destroy(new SubgraphFetchError('TIMEOUT', `no response within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: response.headers['content-type'],
            cacheControl: response.headers['cache-control'],
          });
        });
        response.once('error', (error) => {
          clearTimeout(timer);
          reject(asFetchError(error));
        });
      });
      request.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const stale = request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleSocketError(asFetchError(error)) : asFetchError(error));
      });
      request.end(payload);
    });
  }
}

class StaleSocketError extends Error {
  constructor(override readonly cause: SubgraphFetchError) {
    super(cause.message);
  }
}

function asFetchError(error: unknown): SubgraphFetchError {
  if (error instanceof SubgraphFetchError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new SubgraphFetchError('UNREACHABLE', code ?? (error as Error).message, { cause: error });
}
