import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { startTracing, type TracingHandle } from '../tracing/start-tracing';
import { createLogger } from './create-logger';

function memoryLogger(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ service: 'catalog', level }, destination);
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe(createLogger.name, () => {
  let tracing: TracingHandle;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'logger-spec' });
  });
  afterAll(() => tracing.shutdown());

  it('writes JSON lines with service, level label, msg and ISO time', () => {
    const { logger, parsed } = memoryLogger();
    logger.info('hello');
    const [line] = parsed();
    expect(line).toMatchObject({ service: 'catalog', level: 'info', msg: 'hello' });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it('never writes passwords, tokens, auth headers or card numbers, at any depth', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        password: 'top-secret-1',
        req: { headers: { authorization: 'Bearer secret-jwt-2', cookie: 'sid=secret-3', 'set-cookie': 'sid=secret-4' } },
        variables: { input: { newPassword: 'secret-5', currentPassword: 'secret-6', card: { cardNumber: '4111111111111111' } } },
        err: Object.assign(new Error('upstream failed'), { config: { headers: { Authorization: 'Basic secret-7' } } }),
        tokens: { accessToken: 'secret-8', refreshToken: 'secret-9', token: 'secret-10' },
        client: { apiKey: 'secret-11', secret: 'secret-12' },
        email: 'ana@example.com',
      },
      'login attempt',
    );
    const output = lines.join('\n');
    for (const secret of ['top-secret-1', 'secret-jwt-2', 'secret-3', 'secret-4', 'secret-5', 'secret-6', '4111111111111111', 'secret-7', 'secret-8', 'secret-9', 'secret-10', 'secret-11', 'secret-12']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[REDACTED]');
    expect(output).toContain('ana@example.com');
    expect(output).toContain('upstream failed');
  });

  it('adds trace_id and span_id of the active span', () => {
    const { logger, parsed } = memoryLogger();
    let ids: { traceId: string; spanId: string } | undefined;
    trace.getTracer('spec').startActiveSpan('work', (span) => {
      ids = span.spanContext();
      logger.info('inside');
      span.end();
    });
    const [line] = parsed();
    expect(ids?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(line).toMatchObject({ trace_id: ids?.traceId, span_id: ids?.spanId });
  });

  it('leaves trace fields out when no span is active', () => {
    const { logger, parsed } = memoryLogger();
    logger.info('outside');
    expect(parsed()[0]).not.toHaveProperty('trace_id');
  });

  it('drops entries below the configured level', () => {
    const { logger, lines } = memoryLogger('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('loud');
  });
});
