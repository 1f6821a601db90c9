import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { closeRedisClient } from './close-redis-client';
import { createRedisClient } from './create-redis-client';
import type { RedisModuleOptions } from './redis-module-options';
import { RedisReadinessCheck } from './redis-readiness.check';
import { InjectRedis, REDIS, REDIS_MODULE_OPTIONS } from './redis.tokens';

/**
 * Provides one shared, fail-fast ioredis client app-wide under {@link REDIS}
 * (inject it with `@InjectRedis()`), plus {@link RedisReadinessCheck}. Import once, in the app module.
 * The client is closed on application shutdown (enable Nest shutdown hooks).
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  static forRoot(options: RedisModuleOptions): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_MODULE_OPTIONS, useValue: options },
        { provide: REDIS, useFactory: (opts: RedisModuleOptions) => createRedisClient(opts), inject: [REDIS_MODULE_OPTIONS] },
        RedisReadinessCheck,
      ],
      exports: [REDIS, RedisReadinessCheck],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedisClient(this.redis);
  }
}
