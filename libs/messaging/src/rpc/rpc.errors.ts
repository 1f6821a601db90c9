/** Codes an RPC call can fail with; responders may add their own domain codes. */
export const RpcErrorCode = {
  /** The responder rejected the request: it does not match the contract. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The responder failed (a bug or an unavailable dependency). */
  INTERNAL: 'INTERNAL',
  /** The reply does not match the contract. */
  BAD_RESPONSE: 'BAD_RESPONSE',
  TIMEOUT: 'TIMEOUT',
  UNAVAILABLE: 'UNAVAILABLE',
} as const;

/** Base class of every error `RpcClient.request` throws for a failed call. */
export class RpcError extends Error {
  constructor(
    readonly subject: string,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** No reply within the timeout. The request may still have been processed: retry only idempotent calls. */
export class RpcTimeoutError extends RpcError {
  override readonly name = 'RpcTimeoutError';
  constructor(subject: string, timeoutMs: number, options?: ErrorOptions) {
    super(subject, RpcErrorCode.TIMEOUT, `${subject}: no reply within ${timeoutMs} ms`, options);
  }
}

/** Nobody listens on the subject (the responding service is down), or NATS is unreachable. */
export class RpcUnavailableError extends RpcError {
  override readonly name = 'RpcUnavailableError';
  constructor(subject: string, reason: string, options?: ErrorOptions) {
    super(subject, RpcErrorCode.UNAVAILABLE, `${subject}: ${reason}`, options);
  }
}

/** The responder replied with an error: `BAD_REQUEST`, `INTERNAL`, `BAD_RESPONSE` or a domain code. */
export class RpcRemoteError extends RpcError {
  override readonly name = 'RpcRemoteError';
  constructor(subject: string, code: string, message: string) {
    super(subject, code, `${subject}: ${code}: ${message}`);
  }
}

/**
 * Thrown by an `@OnRequest` handler to reply a domain error code instead of a result; the
 * caller gets an `RpcRemoteError` with that code and message. Other errors reply `INTERNAL`.
 */
export class RpcHandlerError extends Error {
  override readonly name = 'RpcHandlerError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The reply body on the wire. */
export type RpcReply = { result: unknown } | { error: { code: string; message: string } };
