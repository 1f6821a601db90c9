/**
 * Keys whose values never reach a log line, at any depth. Matching ignores case, `-` and
 * `_`, so `Authorization`, `set-cookie`, `api_key` and `access_token` are covered too.
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'secret',
  'apiKey',
  'cardNumber',
] as const;

export const CENSOR = '[REDACTED]';

const SECRET_KEYS = new Set(REDACTED_KEYS.map(normalize));
// Deeper values are left alone: log objects are shallow, and the bound stops cycles.
const MAX_DEPTH = 10;

/**
 * Returns `value` with secrets replaced by `[REDACTED]`, copying only the objects on the
 * way to a secret (the caller's objects are never modified). Plain objects, arrays and
 * Errors are searched; other class instances are left to their serializers.
 *
 * A walk instead of pino's `redact` paths: pino cannot say "any depth", and listing every
 * key at every depth cost about 80 µs per line against under 1 µs for this.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;

  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const next = redactSecrets(item, depth + 1);
      if (next !== item) (copy ??= [...value])[index] = next;
    });
    return (copy ?? value) as T;
  }

  const prototype = Object.getPrototypeOf(value) as object | null;
  const isError = value instanceof Error;
  if (!isError && prototype !== Object.prototype && prototype !== null) return value;

  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const current = source[key];
    const next = SECRET_KEYS.has(normalize(key)) ? CENSOR : redactSecrets(current, depth + 1);
    if (next !== current) {
      // An Error keeps its prototype and non-enumerable message/stack, so pino still serialises it as one.
      copy ??= isError ? Object.create(prototype, Object.getOwnPropertyDescriptors(source)) : { ...source };
      copy![key] = next;
    }
  }
  return (copy ?? value) as T;
}

function normalize(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}
