import type { FieldMiddleware } from '@nestjs/graphql';
import { setCacheHint } from './cache-hint';

/** Long enough never to be the limit: the root field's hint decides. */
const NOT_LIMITING_SECONDS = 86_400;

/**
 * Field middleware for object-typed fields of cacheable responses. Apollo gives such fields
 * maxAge 0 unless they carry a hint, which would make every response `no-store`; this marks
 * the field as not limiting, so the response keeps the hint its root field set (Apollo's
 * `inheritMaxAge`, without declaring the `@cacheControl` directive in a federated schema).
 */
export const inheritCacheHint: FieldMiddleware = (context, next) => {
  if (context.info) setCacheHint(context.info, { maxAge: NOT_LIMITING_SECONDS });
  return next();
};

/** `@Field(() => Type, { ...INHERIT_CACHE_HINT, description })` */
export const INHERIT_CACHE_HINT = { middleware: [inheritCacheHint] };
