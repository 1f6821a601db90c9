import { Inject, Injectable, Optional } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { RequestError, TimeoutError, type Msg } from '@nats-io/transport-node';
import { RPC_CATALOG, type RpcRequest, type RpcResponse, type RpcSubject } from '@mestres/contracts';
import { ContractViolationError, describeIssues } from '../messaging.errors';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingMetricsSink, type ResolvedMessagingOptions } from '../messaging.options';
import { NatsClient } from '../nats-client';
import { captureTraceHeaders, inSpan, SpanKind, toNatsHeaders } from '../trace-context';
import { RpcErrorCode, RpcRemoteError, RpcTimeoutError, RpcUnavailableError, type RpcReply } from './rpc.errors';

/** Request/reply over core NATS, typed and validated from `RPC_CATALOG`. */
@Injectable()
export class RpcClient {
  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics?: MessagingMetricsSink,
  ) {}

  /**
   * Sends `request` and resolves with the validated response.
   * @throws ContractViolationError when `request` does not match the contract (nothing is sent)
   * @throws RpcTimeoutError, RpcUnavailableError, RpcRemoteError (all `RpcError`)
   */
  async request<S extends RpcSubject>(subject: S, request: RpcRequest<S>, options: { timeoutMs?: number } = {}): Promise<RpcResponse<S>> {
    const definition = RPC_CATALOG[subject];
    if (!definition) throw new ContractViolationError(`unknown request subject '${subject}'`);
    const parsed = definition.request.safeParse(request);
    if (!parsed.success) throw new ContractViolationError(`invalid request for ${subject}`, describeIssues(parsed.error.issues));
    const timeoutMs = options.timeoutMs ?? this.options.rpc.defaultTimeoutMs;
    const attributes = { 'rpc.system': 'nats', 'rpc.method': subject };
    try {
      const response = await inSpan(`${subject} request`, SpanKind.CLIENT, context.active(), attributes, async () => {
        const reply = await this.send(subject, JSON.stringify(parsed.data), timeoutMs);
        return this.decode(subject, reply);
      });
      this.metrics?.natsMessage(`rpc.${subject}`, 'publish', 'ok');
      return response as RpcResponse<S>;
    } catch (error) {
      this.metrics?.natsMessage(`rpc.${subject}`, 'publish', 'error');
      throw error;
    }
  }

  private async send(subject: RpcSubject, body: string, timeoutMs: number): Promise<Msg> {
    if (this.nats.connection.isClosed() || this.nats.connection.isDraining()) {
      throw new RpcUnavailableError(subject, 'the NATS connection is closed');
    }
    try {
      return await this.nats.connection.request(this.nats.names.rpcSubject(subject), body, {
        timeout: timeoutMs,
        headers: toNatsHeaders(captureTraceHeaders()),
      });
    } catch (error) {
      if (error instanceof TimeoutError || (error as Error).cause instanceof TimeoutError) {
        throw new RpcTimeoutError(subject, timeoutMs, { cause: error });
      }
      if (error instanceof RequestError && error.isNoResponders()) {
        throw new RpcUnavailableError(subject, 'no responder is listening', { cause: error });
      }
      throw new RpcUnavailableError(subject, (error as Error).message, { cause: error });
    }
  }

  private decode(subject: RpcSubject, reply: Msg): unknown {
    let body: RpcReply;
    try {
      body = reply.json<RpcReply>();
    } catch {
      throw new RpcRemoteError(subject, RpcErrorCode.BAD_RESPONSE, 'the reply is not JSON');
    }
    if ('error' in body && body.error) throw new RpcRemoteError(subject, body.error.code, body.error.message);
    if (!('result' in body)) throw new RpcRemoteError(subject, RpcErrorCode.BAD_RESPONSE, 'the reply has neither result nor error');
    const response = RPC_CATALOG[subject].response.safeParse(body.result);
    if (!response.success) {
      throw new RpcRemoteError(subject, RpcErrorCode.BAD_RESPONSE, describeIssues(response.error.issues).join('; '));
    }
    return response.data;
  }
}
