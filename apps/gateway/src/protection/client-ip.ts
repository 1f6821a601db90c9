import { isIP } from 'node:net';

/**
 * The client's IP: with `trustedHops` proxies in front (the ingress), the address that many
 * entries from the right of `X-Forwarded-For` (each proxy appends the address it saw, so
 * entries further left are whatever the client wrote). Falls back to the socket address.
 */
export function clientIpOf(request: { ip?: string; headers: Record<string, string | string[] | undefined> }, trustedHops: number): string {
  const socketIp = request.ip ?? 'unknown';
  if (trustedHops <= 0) return socketIp;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = forwarded[forwarded.length - trustedHops];
  return candidate && isIP(candidate) ? candidate : socketIp;
}
