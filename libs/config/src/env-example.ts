import type { z } from 'zod';

/** Keys of an object schema, looking through `.transform()` / `.pipe()` wrappers. */
export function schemaShape(schema: z.ZodType): Record<string, z.ZodType> {
  const candidate = schema as unknown as { shape?: Record<string, z.ZodType>; in?: z.ZodType; def?: { in?: z.ZodType } };
  if (candidate.shape) return candidate.shape;
  const inner = candidate.in ?? candidate.def?.in;
  if (inner) return schemaShape(inner);
  throw new Error('not an object schema');
}

/** The value a key takes when unset, written back as an env string; undefined when required or optional. */
function defaultOf(key: z.ZodType): string | undefined {
  const result = key.safeParse(undefined);
  if (!result.success || result.data === undefined) return undefined;
  const value = result.data as unknown;
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Single-quotes values a shell or dotenv parser would otherwise split or expand. */
function quoteForEnvFile(value: string): string {
  return /[\s"'#$<>*&;|\\`]/.test(value) ? `'${value.replace(/'/g, `'\\''`)}'` : value;
}

/**
 * Renders `.env.example`: one section per service listing every key it reads, with its
 * local default (keys already listed by an earlier section are not repeated, except the
 * per-service ones such as PORT). Keys without a
 * default are commented out: optional ones, or required ones that must be set.
 */
export function renderEnvExample(sections: Array<{ title: string; schema: z.ZodType }>, perServiceKeys: string[] = ['PORT']): string {
  const seen = new Set<string>();
  const lines = [
    '# Every key the services read, with its local default. Generated from the config schemas',
    '# (apps/*/src/config.ts) by the test libs/config/test/env-example.spec.ts; regenerate with',
    '#   UPDATE_ENV_EXAMPLE=1 npm test -- libs/config/test/env-example',
    '# Lines starting with "# KEY=" are optional keys with no default.',
  ];
  for (const { title, schema } of sections) {
    const shape = schemaShape(schema);
    const keys = Object.keys(shape).filter((key) => !seen.has(key) || perServiceKeys.includes(key));
    if (keys.length === 0) continue;
    lines.push('', `# --- ${title} ---`);
    for (const key of keys) {
      seen.add(key);
      const fallback = defaultOf(shape[key]);
      lines.push(fallback === undefined ? `# ${key}=` : `${key}=${quoteForEnvFile(fallback)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
