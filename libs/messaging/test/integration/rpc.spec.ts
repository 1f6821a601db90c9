import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { OrderStockRequestV1, ReserveStockRequestV1, ReserveStockResponseV1, StockAcknowledgedV1 } from '@mestres/contracts';
import {
  ContractViolationError,
  OnRequest,
  RpcClient,
  RpcHandlerError,
  RpcRemoteError,
  RpcTimeoutError,
  RpcUnavailableError,
} from '@mestres/messaging';
import { uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { createServiceSchema, deleteStreams, natsUrl, startService } from './messaging.fixtures';

/** A stock responder with one SKU; commit is slow and fails for unknown orders. */
@Injectable()
class StockResponder {
  available = 3;

  @OnRequest('catalog.stock.reserve.v1')
  async reserve(request: ReserveStockRequestV1): Promise<ReserveStockResponseV1> {
    const [line] = request.lines;
    if (line.quantity > this.available) {
      return { ok: false, reason: 'INSUFFICIENT_STOCK', shortages: [{ sku: line.sku, requested: line.quantity, available: this.available }] };
    }
    return { ok: true, reservationId: `res-${request.orderId}` };
  }

  @OnRequest('catalog.stock.commit.v1')
  async commit(request: OrderStockRequestV1): Promise<StockAcknowledgedV1> {
    if (request.orderId === 'unknown') throw new RpcHandlerError('RESERVATION_NOT_FOUND', 'no reservation for order unknown');
    if (request.orderId === 'bug') throw new Error('connection refused to 10.0.3.7:5432');
    if (request.orderId === 'slow') await new Promise((resolve) => setTimeout(resolve, 1000));
    return { ok: true };
  }
}

describe(RpcClient.name, () => {
  const prefix = `t${uniqueSuffix()}`;
  let db: TestDatabase;
  let service: TestingModule;
  let rpc: RpcClient;
  let nc: NatsConnection;

  beforeAll(async () => {
    db = await createServiceSchema('msgrpc');
    service = await startService({ service: 'catalog', db, prefix, providers: [StockResponder], messaging: { relay: { enabled: false } } });
    rpc = service.get(RpcClient);
    nc = await connect({ servers: [natsUrl()] });
  });

  afterAll(async () => {
    await service?.close();
    await nc?.close();
    await deleteStreams(prefix);
    await db?.drop();
  });

  it('returns the typed response of the responder', async () => {
    const reserved = await rpc.request('catalog.stock.reserve.v1', { orderId: 'o-1', lines: [{ sku: 'BA-250', quantity: 2 }] });
    expect(reserved).toEqual({ ok: true, reservationId: 'res-o-1' });
    const short = await rpc.request('catalog.stock.reserve.v1', { orderId: 'o-2', lines: [{ sku: 'BA-250', quantity: 5 }] });
    expect(short).toEqual({ ok: false, reason: 'INSUFFICIENT_STOCK', shortages: [{ sku: 'BA-250', requested: 5, available: 3 }] });
  });

  it('answers BAD_REQUEST to a request that breaks the contract', async () => {
    const reply = await nc.request(`${prefix}.rpc.catalog.stock.reserve.v1`, JSON.stringify({ orderId: 'o-3', lines: [] }), { timeout: 2000 });
    expect(reply.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('lines') } });
  });

  it('rejects an invalid request before sending it', async () => {
    const attempt = rpc.request('catalog.stock.reserve.v1', { orderId: 'o-4', lines: [{ sku: 'BA-250', quantity: 0 }] });
    await expect(attempt).rejects.toThrow(ContractViolationError);
  });

  it('surfaces a domain error code thrown by the handler', async () => {
    const error = await rpc.request('catalog.stock.commit.v1', { orderId: 'unknown' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RpcRemoteError);
    expect(error).toMatchObject({ code: 'RESERVATION_NOT_FOUND', subject: 'catalog.stock.commit.v1' });
  });

  it('replies INTERNAL without internal details when the handler crashes', async () => {
    const error = (await rpc.request('catalog.stock.commit.v1', { orderId: 'bug' }).catch((caught: unknown) => caught)) as RpcRemoteError;
    expect(error).toBeInstanceOf(RpcRemoteError);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('10.0.3.7');
  });

  it('fails with RpcUnavailableError when no service answers the subject', async () => {
    await expect(rpc.request('catalog.stock.release.v1', { orderId: 'o-5' })).rejects.toThrow(RpcUnavailableError);
  });

  it('fails with RpcTimeoutError when the responder is too slow', async () => {
    await expect(rpc.request('catalog.stock.commit.v1', { orderId: 'slow' }, { timeoutMs: 100 })).rejects.toThrow(RpcTimeoutError);
  });

  it('keeps requests out of the event streams', async () => {
    const jsm = await jetstreamManager(nc);
    const capturing = async (subject: string) => {
      const streams: string[] = [];
      for await (const name of jsm.streams.names(subject)) streams.push(name);
      return streams;
    };
    expect(await capturing(`${prefix}.catalog.stock.changed.v1`)).toEqual([`${prefix}_CATALOG_EVENTS`]);
    expect(await capturing(`${prefix}.rpc.catalog.stock.reserve.v1`)).toEqual([]);
  });
});
