import pino, { type DestinationStream, type Logger } from 'pino';
import { activeTraceIds } from '../tracing/trace-context';
import { redactSecrets } from './redaction';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Written as the `service` field of every line. */
  service: string;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /**
   * Always JSON: pretty printing is left to the reader (pipe through `pino-pretty` if
   * you have it), so the same lines reach the terminal and the log pipeline.
   */
  pretty?: false;
}

/**
 * Creates the service's pino logger: one JSON line per entry with `level` (as a label),
 * `time` (ISO), `service`, `msg`, and `trace_id`/`span_id` when a span is active.
 * Secrets (passwords, tokens, authorization and cookie headers, card numbers...; see
 * `REDACTED_KEYS`) are replaced by `[REDACTED]` wherever they appear in a logged object.
 * The bindings of `logger.child({...})` are not searched (pino serialises them once,
 * outside the formatter): bind ids, never secrets.
 *
 * @param destination where lines go; stdout by default (tests pass a memory stream).
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object),
      },
      mixin: () => activeTraceIds() ?? {},
    },
    // Synchronous, so the last line before process.exit (a failed boot) is not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
