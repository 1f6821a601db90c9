// Throughput of the light queue: how many light jobs per minute one jobs replica processes.
//
//   npx node -r ./scripts/register-ts.cjs apps/jobs/bench/light-jobs.bench.ts [jobs] [--email]
//
// Default: N `ping` jobs (no-op handler) through the real workers (dispatch, metrics, Redis
// round trips): the queue's own overhead. With --email: N real e-mail jobs end to end
// (recipient lookup, claim in email_log, SMTP to a local server, mark sent). N jobs are
// enqueued first, then the workers start and the clock runs until the last one completes.
// Needs Redis (and for --email Postgres and NATS) as for the integration tests.
import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '@mestres/config';
import { ObservabilityModule } from '@mestres/observability';
import { jobsConfigSchema, type JobsConfig } from '../src/config';
import { RecipientsRepository } from '../src/recipients/recipients.repository';
import { jobIdFor } from '../src/queues/job-catalog';
import { JobName } from '../src/queues/job-name.enum';
import { JobQueues } from '../src/queues/job-queues';
import { QueuesModule } from '../src/queues/queues.module';
import { QueueName } from '../src/queues/queue-name.enum';
import { createJobsTestEnvironment } from '../test/support/jobs-test-env';

const args = process.argv.slice(2);
const total = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5000);
const emailMode = args.includes('--email');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function queueOnlyContext(config: JobsConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ObservabilityModule.forRoot({ service: 'jobs-bench' }), QueuesModule.forRoot(config, { schedules: [] })] })
  class BenchModule {}
  return NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
}

async function waitForCompletion(queue: Queue, expected: number): Promise<void> {
  for (;;) {
    const { completed, failed } = await queue.getJobCounts('completed', 'failed');
    if (failed > 0) throw new Error(`${failed} job(s) failed`);
    if (completed >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function report(label: string, count: number, seconds: number, concurrency?: number): void {
  const perMinute = Math.round((count / seconds) * 60);
  const workers = concurrency === undefined ? '' : ` (light concurrency ${concurrency})`;
  console.log(`${label}: ${count} jobs in ${seconds.toFixed(2)} s = ${perMinute.toLocaleString('en-US')} jobs/min${workers}`);
}

async function benchPing(): Promise<void> {
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
  const producer = await queueOnlyContext(loadConfig('jobs', jobsConfigSchema, { ...env, JOBS_WORKERS_ENABLED: 'false' }));
  const queues = producer.get(JobQueues);
  const light = queues.queue(QueueName.LIGHT);
  try {
    let started = process.hrtime.bigint();
    const batch = 500;
    for (let offset = 0; offset < total; offset += batch) {
      const size = Math.min(batch, total - offset);
      await light.addBulk(Array.from({ length: size }, () => ({ name: JobName.PING, data: { sentAt: Date.now() }, opts: { attempts: 1 } })));
    }
    report('enqueue (addBulk)', total, Number(process.hrtime.bigint() - started) / 1e9);

    const config = loadConfig('jobs', jobsConfigSchema, env);
    started = process.hrtime.bigint();
    const consumer = await queueOnlyContext(config);
    await waitForCompletion(light, total);
    report('process ping', total, Number(process.hrtime.bigint() - started) / 1e9, config.JOBS_LIGHT_CONCURRENCY);
    await consumer.close();
  } finally {
    await producer.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    for (let index = 0; index < keys.length; index += 1000) await redis.del(...keys.slice(index, index + 1000));
    redis.disconnect();
  }
}

async function benchEmail(): Promise<void> {
  const env = await createJobsTestEnvironment({ JOBS_WORKERS_ENABLED: 'false' });
  try {
    const producer = await env.start();
    const userId = randomUUID();
    await producer.get(RecipientsRepository).upsert({ userId, email: 'bench@example.com', name: 'Bench Mark' });
    const queues = producer.get(JobQueues);
    for (let index = 0; index < total; index += 1) {
      await queues.add(
        JobName.COURSE_COMPLETED_EMAIL,
        { userId, courseTitle: 'Barista Básico', courseSlug: 'barista-basico', certificateCode: `C-${index}` },
        { jobId: jobIdFor(JobName.COURSE_COMPLETED_EMAIL, `bench-${index}`) },
      );
    }
    const started = process.hrtime.bigint();
    const worker = await env.start({ JOBS_WORKERS_ENABLED: 'true' });
    await waitForCompletion(queues.queue(QueueName.LIGHT), total);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    report('process e-mail (SMTP + email_log)', total, seconds, worker.config.JOBS_LIGHT_CONCURRENCY);
    console.log(`SMTP server received ${env.smtp.messages().length} messages`);
  } finally {
    await env.close();
  }
}

void (emailMode ? benchEmail() : benchPing()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
