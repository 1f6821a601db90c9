/**
 * One line saying why something failed: the message (the first paragraph of Nest's
 * multi-paragraph DI errors), the messages inside an AggregateError (Node reports
 * `ECONNREFUSED ::1` and `127.0.0.1` together that way), then the causes.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0 && !error.message) {
    return error.errors.map(describeError).join('; ');
  }
  if (error instanceof Error) {
    const message = (error.message.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim() || error.name;
    return error.cause === undefined ? message : `${message}: ${describeError(error.cause)}`;
  }
  return String(error);
}
