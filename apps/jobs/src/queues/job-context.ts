import type { JobName } from './job-name.enum';

/** What a job handler may know and do about the job it runs, without touching BullMQ. */
export interface JobContext {
  id: string;
  name: JobName;
  /** 1 on the first run. */
  attempt: number;
  /** Runs allowed in total; the job is dead after the last one fails. */
  attempts: number;
  /** Epoch ms the job was due (enqueue time plus its delay), e.g. the slot of a scheduled run. */
  dueAt: number;
  /**
   * Puts the job back to wait `delayMs` without counting an attempt (work owned by someone
   * else right now). Never returns: the handler ends by throwing what this throws.
   */
  postpone(delayMs: number): Promise<never>;
}

/** Handles one job; throw to retry (or an `UnrecoverableError` to fail it at once). */
export type JobHandler<Payload> = (payload: Payload, context: JobContext) => Promise<unknown>;
