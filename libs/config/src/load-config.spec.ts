import { z } from 'zod';
import { baseSchema, ConfigError, databaseSchema, env, loadConfig } from '@mestres/config';

const schema = baseSchema.extend(databaseSchema('catalog').shape).extend({ PORT: env.port(4001), FEATURE_ON: env.bool(false) });

describe(loadConfig.name, () => {
  it('applies safe local defaults when nothing is set', () => {
    const config = loadConfig('catalog', schema, {});
    expect(config.PORT).toBe(4001);
    expect(config.DATABASE_URL).toBe('postgres://catalog_svc:catalog_local@127.0.0.1:5432/mestres');
    expect(config.NATS_URL).toEqual(['nats://127.0.0.1:4222']);
    expect(config.FEATURE_ON).toBe(false);
    expect(config.DATABASE_READ_URL).toBeUndefined();
  });

  it('coerces strings into typed values', () => {
    const config = loadConfig('catalog', schema, { PORT: '5000', FEATURE_ON: 'true', NATS_URL: 'nats://a:1, nats://b:2' });
    expect(config.PORT).toBe(5000);
    expect(config.FEATURE_ON).toBe(true);
    expect(config.NATS_URL).toEqual(['nats://a:1', 'nats://b:2']);
  });

  it('names every bad key in one error', () => {
    const attempt = () =>
      loadConfig('catalog', schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATABASE_POOL_SIZE: '0' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DATABASE_POOL_SIZE']) expect(message).toContain(key);
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('reports a required key as missing', () => {
    const required = z.object({ PAYMENT_WEBHOOK_SECRET: z.string().min(16) });
    expect(() => loadConfig('orders', required, {})).toThrow(/PAYMENT_WEBHOOK_SECRET is missing/);
  });

  it('returns a frozen object so config is read once and never mutated', () => {
    const config = loadConfig('catalog', schema, {});
    expect(Object.isFrozen(config)).toBe(true);
  });
});
