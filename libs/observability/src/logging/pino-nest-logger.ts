import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

// Nest's `verbose` sits below `debug`.
const LEVELS: Record<LogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Nest `LoggerService` writing through pino, for `NestFactory.create(..., { logger })` or
 * `app.useLogger`. Nest's trailing context argument becomes the `context` field, an
 * Error or stack becomes `err`/`stack`, and an object message is merged into the line
 * (`logger.log({ msg: 'slow query', durationMs })`). Level filtering is pino's.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(nestLevel: LogLevel, message: unknown, params: unknown[]): void {
    const level = LEVELS[nestLevel];
    if (!this.pino.isLevelEnabled(level)) return;

    const fields: Record<string, unknown> = {};
    const rest = [...params];
    // Nest's Logger appends its context as the last argument (after `undefined` when
    // there is no stack), so a trailing string that is not a stack trace is the context.
    const last = rest.at(-1);
    if (typeof last === 'string' && !isStack(last)) {
      fields.context = last;
      rest.pop();
    }
    for (const param of rest) {
      if (param instanceof Error) fields.err = param;
      else if (typeof param === 'string' && isStack(param)) fields.stack = param;
    }

    let msg: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      msg = message.message;
    } else if (message !== null && typeof message === 'object') {
      const { msg: objectMsg, message: objectMessage, ...other } = message as Record<string, unknown>;
      Object.assign(fields, other);
      msg = stringOrUndefined(objectMsg) ?? stringOrUndefined(objectMessage);
    } else {
      msg = String(message);
    }
    this.pino[level](fields, msg);
  }
}

function isStack(value: string): boolean {
  return /\n\s+at /.test(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
