import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startNatsServer, type TestNatsServer } from '../../src/nats-server';

describe(startNatsServer.name, () => {
  let server: TestNatsServer | undefined;
  let connection: NatsConnection | undefined;

  afterEach(async () => {
    await connection?.close();
    await server?.dispose();
    connection = undefined;
    server = undefined;
  });

  it('keeps JetStream messages when the server is stopped and started again', async () => {
    server = await startNatsServer();
    connection = await connect({ servers: server.url });
    const manager = await jetstreamManager(connection);
    await manager.streams.add({ name: 'RESTART', subjects: ['restart.>'], storage: StorageType.File });
    await jetstream(connection).publish('restart.order', 'order 42 paid');
    await connection.close();

    await server.stop();
    await expect(connect({ servers: server.url, reconnect: false, timeout: 1000 })).rejects.toThrow();

    await server.start();
    connection = await connect({ servers: server.url });
    const stored = await (await jetstreamManager(connection)).streams.getMessage('RESTART', { seq: 1 });
    expect(stored?.subject).toBe('restart.order');
    expect(stored?.string()).toBe('order 42 paid');
  });

  it('listens on the requested port', async () => {
    const first = await startNatsServer();
    const port = first.port;
    await first.dispose();

    server = await startNatsServer({ port });
    expect(server.url).toBe(`nats://127.0.0.1:${port}`);
    connection = await connect({ servers: server.url, reconnect: false });
    expect(connection.getServer()).toBe(`127.0.0.1:${port}`);
  });
});
