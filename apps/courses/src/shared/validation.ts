const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SKU = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
// C0/C1 controls (NUL in particular, which Postgres rejects in text) never belong in user text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Shapes of identifiers: a value that fails these cannot exist. */
export const looksLike = {
  uuid: (value: string) => UUID.test(value),
  slug: (value: string) => value.length <= 120 && SLUG.test(value),
  sku: (value: string) => value.length <= 64 && SKU.test(value),
};

/** True when `value` holds control characters (NUL, escapes) that free text must not carry. */
export const hasControlCharacters = (value: string) => CONTROL.test(value);

/** Why a free-text value is unacceptable, or null when it is fine. */
export function textProblem(value: string, options: { max: number; allowEmpty?: boolean }): string | null {
  if (!options.allowEmpty && value.trim() === '') return 'must not be empty';
  if (value.length > options.max) return `must be at most ${options.max} characters`;
  if (hasControlCharacters(value)) return 'must not contain control characters';
  return null;
}
