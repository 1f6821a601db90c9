import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { createLogger } from './create-logger';
import { PinoNestLogger } from './pino-nest-logger';

function setup(level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { nest: new PinoNestLogger(createLogger({ service: 'orders', level }, destination)), lines };
}

describe(PinoNestLogger.name, () => {
  afterEach(() => Logger.overrideLogger(true));

  it('turns the trailing argument into the context field', () => {
    const { nest, lines } = setup();
    nest.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Mapped {/health/live, GET} route', context: 'RouterExplorer' });
  });

  it('keeps the stack of an error logged by a contextual Nest Logger', () => {
    const { nest, lines } = setup();
    Logger.overrideLogger(nest);
    const error = new Error('boom');
    new Logger('Checkout').error('payment failed', error.stack);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'payment failed', context: 'Checkout' });
    expect(String(lines[0]!.stack)).toContain('boom');
  });

  it('serialises an Error message as err', () => {
    const { nest, lines } = setup();
    nest.error(new Error('connection refused'), 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'connection refused', context: 'ExceptionHandler' });
    expect(lines[0]!.err).toMatchObject({ type: 'Error', message: 'connection refused' });
  });

  it('merges an object message into the line and still redacts it', () => {
    const { nest, lines } = setup();
    nest.warn({ msg: 'slow query', durationMs: 120, password: 'hunter2' }, 'Database');
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'slow query', durationMs: 120, context: 'Database', password: '[REDACTED]' });
  });

  it("maps Nest's verbose below debug", () => {
    const { nest, lines } = setup('debug');
    nest.verbose('noise');
    nest.debug('detail');
    expect(lines.map((line) => line.level)).toEqual(['debug']);
  });
});
