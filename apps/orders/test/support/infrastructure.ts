export const natsUrl = () => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const redisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Retries `assertion` until it passes or `timeoutMs` elapses (then throws its last error). */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
