import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { EmailLogEntity } from './email-log.entity';

export interface EmailClaim {
  jobId: string;
  jobName: string;
  userId: string;
  recipient: string;
  subject: string;
  /** A `sending` claim older than this is presumed dead (its worker crashed) and may be taken over. */
  leaseSeconds: number;
}

/** What a claim found. */
export type ClaimResult =
  | { kind: 'claimed'; attempts: number }
  | { kind: 'already-sent' }
  /** Another worker is sending it right now (or died doing so less than a lease ago). */
  | { kind: 'in-progress'; retryInMs: number };

@Injectable()
export class EmailLogRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Claims the e-mail of a job before sending, atomically: a first attempt inserts the row;
   * a retry takes it over only if the last attempt failed or its lease ran out. A row
   * already `sent` is never claimed again, which is what makes a job send at most once.
   */
  async claim(claim: EmailClaim): Promise<ClaimResult> {
    const claimed: Array<{ attempts: number }> = await this.tx.manager.query(
      `INSERT INTO email_log (job_id, job_name, user_id, recipient, subject, status, attempts, claimed_at)
       VALUES ($1, $2, $3, $4, $5, 'sending', 1, now())
       ON CONFLICT (job_id) DO UPDATE
         SET status = 'sending', attempts = email_log.attempts + 1, claimed_at = now(), updated_at = now(),
             recipient = EXCLUDED.recipient, subject = EXCLUDED.subject, error = NULL
         WHERE email_log.status = 'failed'
            OR (email_log.status = 'sending' AND email_log.claimed_at < now() - make_interval(secs => $6))
       RETURNING attempts`,
      [claim.jobId, claim.jobName, claim.userId, claim.recipient, claim.subject, claim.leaseSeconds],
    );
    if (claimed.length) return { kind: 'claimed', attempts: claimed[0].attempts };
    const [row]: Array<{ status: string; remaining_ms: number }> = await this.tx.manager.query(
      `SELECT status, GREATEST(0, EXTRACT(EPOCH FROM (claimed_at + make_interval(secs => $2) - now())) * 1000)::int AS remaining_ms
       FROM email_log WHERE job_id = $1`,
      [claim.jobId, claim.leaseSeconds],
    );
    if (row?.status === 'sent') return { kind: 'already-sent' };
    // Lost a race with another claimer, or the holder is alive: come back when its lease ends.
    return { kind: 'in-progress', retryInMs: Math.max(1000, row?.remaining_ms ?? 1000) };
  }

  async markSent(jobId: string, messageId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE email_log SET status = 'sent', message_id = $2, sent_at = now(), updated_at = now(), error = NULL WHERE job_id = $1`,
      [jobId, messageId],
    );
  }

  /** Records a failed attempt; never downgrades an e-mail that was sent. */
  async markFailed(jobId: string, error: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE email_log SET status = 'failed', error = $2, updated_at = now() WHERE job_id = $1 AND status <> 'sent'`,
      [jobId, error.slice(0, 2000)],
    );
  }

  /** Records a job that failed before an e-mail could be composed (e.g. unknown recipient). */
  async recordFailureBeforeSend(entry: { jobId: string; jobName: string; userId: string; error: string }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO email_log (job_id, job_name, user_id, status, attempts, error)
       VALUES ($1, $2, $3, 'failed', 1, $4)
       ON CONFLICT (job_id) DO UPDATE SET attempts = email_log.attempts + 1, error = EXCLUDED.error, updated_at = now()
         WHERE email_log.status = 'failed'`,
      [entry.jobId, entry.jobName, entry.userId, entry.error.slice(0, 2000)],
    );
  }

  findByJobId(jobId: string): Promise<EmailLogEntity | null> {
    return this.tx.manager.getRepository(EmailLogEntity).findOneBy({ jobId });
  }

  /** Deletes rows older than `days`, in bounded batches; resolves to how many went. */
  async pruneOlderThan(days: number, batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted: [unknown[], number] = await this.tx.manager.query(
        `DELETE FROM email_log WHERE id IN (
           SELECT id FROM email_log WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
        [days, batchSize],
      );
      total += deleted[1];
      if (deleted[1] < batchSize) return total;
    }
  }
}
