import { buildAsyncApiDocument, channelId } from './asyncapi';
import { eventDefinitions } from './event-catalog';

type Doc = {
  channels: Record<string, { address: string | null; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; reply?: unknown }>;
  components: { messages: Record<string, { payload: { properties?: Record<string, unknown> }; 'x-version'?: number; 'x-producer'?: string }> };
};

describe('buildAsyncApiDocument', () => {
  const doc = buildAsyncApiDocument() as unknown as Doc;

  it('describes every event subject with its payload, version and producer', () => {
    const addresses = Object.values(doc.channels).map((channel) => channel.address);
    for (const [subject, definition] of eventDefinitions()) {
      expect(addresses).toContain(subject);
      const title = definition.schema.meta()?.title as string;
      const message = doc.components.messages[title];
      expect(message).toMatchObject({ 'x-version': definition.version, 'x-producer': definition.producer });
      expect(message.payload.properties?.payload).toEqual({ $ref: `#/components/schemas/${title}` });
    }
  });

  it('describes requests as receive operations with a reply', () => {
    const reserve = doc.operations.answerRpcCatalogStockReserveV1;
    expect(reserve).toMatchObject({ action: 'receive', channel: { $ref: '#/channels/rpcCatalogStockReserveV1' } });
    expect(reserve.reply).toBeDefined();
    expect(doc.channels.rpcCatalogStockReserveV1.address).toBe('rpc.catalog.stock.reserve.v1');
  });

  it('only references things that exist', () => {
    const resolve = (pointer: string) =>
      pointer
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(resolve(ref.slice(8, -1))).toBeDefined();
  });

  it('derives channel ids from subjects', () => {
    expect(channelId('catalog.product.price-changed.v1')).toBe('catalogProductPriceChangedV1');
  });
});
