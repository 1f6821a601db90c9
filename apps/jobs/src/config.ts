import { accessTokenVerifierConfigSchema } from '@mestres/auth';
import { baseSchema, databaseSchema, env, z } from '@mestres/config';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const jobsConfigSchema = baseSchema
  .extend(databaseSchema('jobs').shape)
  // The queue dashboard accepts an admin's access token (see dashboard/dashboard-auth.ts).
  .extend(accessTokenVerifierConfigSchema.shape)
  .extend({
    PORT: env.port(4005),
    /** Development only: where to write this subgraph's SDL for `npm run compose`. */
    GRAPHQL_SCHEMA_FILE: z.string().optional(),
    INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),

    /** Jobs the `light` queue (e-mails, notices) runs at once per replica. */
    JOBS_LIGHT_CONCURRENCY: env.int(20, 1),
    /** Jobs the `heavy` queue (reports, maintenance) runs at once per replica. */
    JOBS_HEAVY_CONCURRENCY: env.int(2, 1),
    /** Off: this replica only enqueues (consumers, GraphQL) and runs no workers. */
    JOBS_WORKERS_ENABLED: env.bool(true),
    /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
    JOBS_LOCK_DURATION_MS: env.int(30_000, 1_000),
    /** How often workers look for such stalled jobs. */
    JOBS_STALLED_INTERVAL_MS: env.int(30_000, 1_000),
    /** First retry delay; it doubles per attempt (with full jitter) up to the cap. */
    JOBS_BACKOFF_BASE_MS: env.int(5_000, 1),
    JOBS_BACKOFF_MAX_MS: env.int(15 * MINUTE * 1000, 1),
    /** Failed (dead) jobs are kept this long for admins to inspect and retry. */
    JOBS_FAILED_RETENTION_DAYS: env.int(30, 1),

    /** `smtp://host:port` or `smtps://user:password@host:465`. */
    SMTP_URL: env.url('smtp://127.0.0.1:1025', ['smtp', 'smtps']),
    SMTP_FROM: z.string().min(3).default('"Mestres Café" <nao-responda@mestrescafe.com.br>'),
    /** Socket timeouts of one SMTP delivery. */
    SMTP_TIMEOUT_MS: env.int(30_000, 100),
    /**
     * A delivery that started this long ago without an outcome (its worker died) may be
     * attempted again. Longer than SMTP_TIMEOUT_MS, so a live delivery is never doubled.
     */
    EMAIL_SEND_LEASE_SECONDS: env.int(5 * MINUTE, 1),
    /** Development only: run the in-memory SMTP server in-process when SMTP_URL is a loopback address. */
    DEV_SMTP_SERVER: env.bool(true),
    /** Base URL for links in e-mails. */
    PUBLIC_WEB_URL: env.url('http://localhost:3000', ['http', 'https']),

    /** Class reminders go out this long before a session starts. */
    CLASS_REMINDER_LEAD_SECONDS: env.int(24 * HOUR, 60),
    /** A cart left untouched this long gets one reminder. */
    ABANDONED_CART_DELAY_SECONDS: env.int(24 * HOUR, 60),

    /** The shop's time zone: report days, schedules and the dates in e-mails. */
    TIME_ZONE: z.string().min(1).default('America/Sao_Paulo'),
    /** Cron (with seconds) of the nightly sales and enrollment report (of the previous day). */
    REPORT_SCHEDULE: z.string().min(1).default('0 30 2 * * *'),
    /** Cron of the orders partition maintenance call. */
    PARTITION_MAINTENANCE_SCHEDULE: z.string().min(1).default('0 0 3 * * *'),
    /** How many months ahead the orders service keeps partitions. */
    PARTITION_MONTHS_AHEAD: env.int(3, 1),
    /** Cron of the pruning of old e-mail log rows and projections. */
    RETENTION_SCHEDULE: z.string().min(1).default('0 15 4 * * *'),
    EMAIL_LOG_RETENTION_DAYS: env.int(180, 1),
  });

export type JobsConfig = z.infer<typeof jobsConfigSchema>;
