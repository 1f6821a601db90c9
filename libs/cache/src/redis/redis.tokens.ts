import { Inject } from '@nestjs/common';

/** Injection token of the app's shared ioredis client (provided by `RedisModule.forRoot`). */
export const REDIS = Symbol('REDIS');

/** Injection token of the options given to `RedisModule.forRoot`. */
export const REDIS_MODULE_OPTIONS = Symbol('REDIS_MODULE_OPTIONS');

/** Injects the shared ioredis client: `constructor(@InjectRedis() private readonly redis: Redis) {}`. */
export const InjectRedis = (): ParameterDecorator & PropertyDecorator => Inject(REDIS);
