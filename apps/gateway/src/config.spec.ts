import { ConfigError, loadConfig } from '@mestres/config';
import { gatewayConfigSchema } from './config';

const load = (env: Record<string, string>) => loadConfig('gateway', gatewayConfigSchema, env);

describe('gatewayConfigSchema', () => {
  it('runs one worker in development and as many as configured otherwise', () => {
    expect(load({ NODE_ENV: 'development' })).toMatchObject({ workers: 1, clustered: false });
    expect(load({ NODE_ENV: 'development', GATEWAY_WORKERS: '2' })).toMatchObject({ workers: 2, clustered: true });
    expect(load({ NODE_ENV: 'production', JWT_PUBLIC_KEYS: '{"keys":[]}', GATEWAY_WORKERS: '1' })).toMatchObject({ workers: 1, clustered: true });
    expect(load({ NODE_ENV: 'development', GATEWAY_WORKERS: '3' }).workers).toBe(3);
  });

  it('reads per-subgraph timeouts and refuses a malformed entry', () => {
    expect(load({ SUBGRAPH_TIMEOUT_OVERRIDES: 'orders=8000, catalog=2000' }).subgraphTimeoutOverridesMs).toEqual({ orders: 8000, catalog: 2000 });
    expect(() => load({ SUBGRAPH_TIMEOUT_OVERRIDES: 'orders:8000' })).toThrow(ConfigError);
    expect(() => load({ SUBGRAPH_TIMEOUT_OVERRIDES: 'orders=0' })).toThrow(ConfigError);
  });

  it('turns GraphiQL and introspection off in production unless asked for', () => {
    const production = load({ NODE_ENV: 'production', JWT_PUBLIC_KEYS: '{"keys":[]}' });
    expect([production.graphiql, production.introspection]).toEqual([false, false]);
    expect(load({ NODE_ENV: 'development' }).graphiql).toBe(true);
  });

  it('lists the allowed browser origins', () => {
    expect(load({ CORS_ORIGINS: 'https://loja.mestrescafe.com.br, https://admin.mestrescafe.com.br' }).CORS_ORIGINS).toEqual([
      'https://loja.mestrescafe.com.br',
      'https://admin.mestrescafe.com.br',
    ]);
    expect(load({}).CORS_ORIGINS).toEqual([]);
  });
});
