import { uuidv7 } from '@mestres/messaging';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The identity of an order: its id and the creation time it embeds (the partition key). */
export interface OrderKey {
  id: string;
  createdAt: Date;
}

/**
 * A new order id. Orders are UUIDv7, whose first 48 bits are the creation time in ms; the order's
 * `created_at` is exactly that time, so any id names its partition and primary key.
 */
export function newOrderKey(now: Date): OrderKey {
  const id = uuidv7(now.getTime());
  return { id, createdAt: new Date(now.getTime()) };
}

/** The key of an order id read from a client, or null when it cannot be one of ours. */
export function orderKeyOf(id: unknown): OrderKey | null {
  if (typeof id !== 'string' || !UUID_V7.test(id)) return null;
  const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  return { id: id.toLowerCase(), createdAt: new Date(ms) };
}
