/**
 * A message that breaks its contract (payload or request fails its schema, or a service
 * publishes another context's event). A programming error: fix the caller.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
  }
}

/** `EventPublisher.publish` ran outside `TransactionHost.transaction()`. */
export class OutboxTransactionRequiredError extends Error {
  override readonly name = 'OutboxTransactionRequiredError';
  constructor(subject: string) {
    super(
      `EventPublisher.publish('${subject}') must run inside TransactionHost.transaction(), ` +
        'so the event is stored with the state change it announces',
    );
  }
}

/** Zod issues as short `path: message` lines (no values, which may hold personal data). */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}
