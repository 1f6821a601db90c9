import type { Redis } from 'ioredis';
import { withTimeout } from '../shared/with-timeout';

/**
 * Closes a client gracefully and resolves once the connection has ended: QUIT lets Redis
 * answer the commands already sent; if Redis is unreachable or slow to answer, the socket is
 * dropped instead so shutdown never hangs.
 */
export async function closeRedisClient(client: Redis, timeoutMs = 1_000): Promise<void> {
  if (hasEnded(client)) return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  try {
    await withTimeout(
      client.quit().then(() => ended),
      timeoutMs,
      'Redis QUIT timed out',
    );
  } catch {
    // QUIT may fail after the server already closed the socket; disconnecting an ended
    // client would only arm ioredis' socket-destroy timer and delay process exit.
    if (!hasEnded(client)) client.disconnect();
  }
}

/** A function, so TypeScript does not keep the narrowing of `status` across the awaits above. */
function hasEnded(client: Redis): boolean {
  return client.status === 'end';
}
