import { z } from 'zod';
import { EVENT_CATALOG, eventDefinitions, isEventSubject } from './event-catalog';
import { rpcDefinitions } from './rpc-catalog';

const SUBJECT = /^([a-z]+)\.[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.v(\d+)$/;

describe('EVENT_CATALOG', () => {
  it.each(eventDefinitions())('%s follows <context>.<aggregate>.<event>.v<N> with a matching version and producer', (subject, definition) => {
    const match = SUBJECT.exec(subject);
    expect(match).not.toBeNull();
    expect(Number(match![2])).toBe(definition.version);
    expect(definition.producer).toBe(match![1]);
    expect(definition.description.length).toBeGreaterThan(10);
  });

  it('names every payload schema in the past tense with its version', () => {
    const titles = eventDefinitions().map(([, definition]) => definition.schema.meta()?.title as string);
    // `Paid` is the one irregular past tense on the bus.
    for (const title of titles) expect(title).toMatch(/^[A-Z][A-Za-z]+(ed|Paid|RanOut)V\d+$/);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('validates payloads, keeping money in integer cents of BRL', () => {
    const schema = EVENT_CATALOG['catalog.product.created.v1'].schema;
    const product = {
      productId: 'p1',
      slug: 'bourbon',
      name: 'Bourbon',
      kind: 'COFFEE',
      categoryId: 'c1',
      variants: [{ sku: 'B-250', priceCents: 5990, currency: 'BRL' }],
    };
    expect(schema.safeParse(product).success).toBe(true);
    expect(schema.safeParse({ ...product, variants: [{ sku: 'B-250', priceCents: 59.9, currency: 'BRL' }] }).success).toBe(false);
    expect(schema.safeParse({ ...product, variants: [{ sku: 'B-250', priceCents: 5990, currency: 'USD' }] }).success).toBe(false);
    expect(schema.safeParse({ ...product, kind: 'TEA' }).success).toBe(false);
  });

  it('recognises catalog subjects only', () => {
    expect(isEventSubject('users.user.registered.v1')).toBe(true);
    expect(isEventSubject('users.user.deleted.v1')).toBe(false);
    expect(isEventSubject('toString')).toBe(false);
  });
});

describe('RPC_CATALOG', () => {
  it.each(rpcDefinitions())('%s is versioned and has JSON-describable schemas', (subject, definition) => {
    expect(subject.endsWith(`.v${definition.version}`)).toBe(true);
    expect(() => z.toJSONSchema(definition.request)).not.toThrow();
    expect(() => z.toJSONSchema(definition.response)).not.toThrow();
  });

  it('describes a stock reservation as all or nothing', () => {
    const [, reserve] = rpcDefinitions().find(([subject]) => subject === 'catalog.stock.reserve.v1')!;
    expect(reserve.response.safeParse({ ok: true, reservationId: 'r1' }).success).toBe(true);
    expect(
      reserve.response.safeParse({ ok: false, reason: 'INSUFFICIENT_STOCK', shortages: [{ sku: 'B-250', requested: 3, available: 1 }] }).success,
    ).toBe(true);
    expect(reserve.response.safeParse({ ok: false, reservationId: 'r1' }).success).toBe(false);
    expect(reserve.request.safeParse({ orderId: 'o1', lines: [] }).success).toBe(false);
  });
});
