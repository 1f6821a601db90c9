import { newOrderKey, orderKeyOf } from './order-id';

describe('orderKeyOf', () => {
  it('reads back the creation time embedded in a new order id', () => {
    const now = new Date('2026-11-29T12:34:56.789Z');
    const key = newOrderKey(now);
    expect(orderKeyOf(key.id)).toEqual({ id: key.id, createdAt: now });
  });

  it('rejects ids that are not UUIDv7', () => {
    expect(orderKeyOf('6f1c1f9e-8d0b-4c3a-9a34-0a8f6a0c2b11')).toBeNull();
    expect(orderKeyOf("1' OR '1'='1")).toBeNull();
    expect(orderKeyOf(42)).toBeNull();
  });
});
