import type { FieldMiddleware } from '@nestjs/graphql';
import { setCacheHint } from '@mestres/graphql';

/** Long enough never to be the limit: the root field's hint decides. */
const NOT_LIMITING_SECONDS = 86_400;

/** Catalog-like reads (courses, classes, lessons): shared by every visitor for a minute. */
export const PUBLIC_CACHE_HINT = { maxAge: 60, scope: 'PUBLIC' } as const;
/** Seat counts move with every enrollment: cache them briefly. */
export const SEATS_CACHE_HINT = { maxAge: 10, scope: 'PUBLIC' } as const;
/** Anything about one person (enrollments, progress, rosters): never shared, never stored. */
export const PRIVATE_CACHE_HINT = { maxAge: 0, scope: 'PRIVATE' } as const;

/**
 * Field middleware for object-typed fields of cacheable responses. Apollo gives such fields
 * maxAge 0 unless they carry a hint, which would make every response `no-store`; this marks
 * the field as not limiting, so the response keeps the hint its root field set.
 */
export const inheritCacheHint: FieldMiddleware = (context, next) => {
  if (context.info) setCacheHint(context.info, { maxAge: NOT_LIMITING_SECONDS });
  return next();
};

/** `@Field(() => Type, { ...INHERIT_CACHE_HINT, description })` */
export const INHERIT_CACHE_HINT = { middleware: [inheritCacheHint] };
