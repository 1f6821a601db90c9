import type { FastifyReply } from 'fastify';

/** Adds `value` to the response's Vary header without dropping what is there. */
export function appendVary(reply: FastifyReply, value: string): void {
  const current = reply.getHeader('vary');
  const values = new Set(
    String(current ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
  if ([...values].some((item) => item.toLowerCase() === value.toLowerCase())) return;
  values.add(value);
  reply.header('vary', [...values].join(', '));
}
