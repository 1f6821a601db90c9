import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { RPC_CATALOG, isRpcSubject, type RpcSubject } from '@mestres/contracts';
import { HandlerDiscovery } from '../handler-discovery';
import { describeIssues } from '../messaging.errors';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingMetricsSink, type ResolvedMessagingOptions } from '../messaging.options';
import { NatsClient } from '../nats-client';
import { extractTraceContext, inSpan, SpanKind } from '../trace-context';
import { ON_REQUEST_METADATA } from './on-request.decorator';
import { RpcErrorCode, RpcHandlerError, type RpcReply } from './rpc.errors';

type Handler = (request: unknown) => unknown;

/**
 * Answers requests with the `@OnRequest` handlers: one queue subscription per subject
 * (queue group = service, so replicas share the load). Handler errors become error
 * replies; the subscription never dies on a bad message.
 */
@Injectable()
export class RpcServer {
  private readonly logger = new Logger('RpcServer');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics?: MessagingMetricsSink,
  ) {}

  start(): void {
    const handlers = new Map<RpcSubject, { name: string; call: Handler }>();
    for (const method of this.discovery.methodsWith<string>(ON_REQUEST_METADATA)) {
      const subject = method.metadata;
      if (!isRpcSubject(subject)) throw new Error(`${method.name}: unknown request subject ${subject}`);
      const existing = handlers.get(subject);
      if (existing) throw new Error(`${method.name} and ${existing.name} both answer ${subject}`);
      handlers.set(subject, { name: method.name, call: method.call });
    }
    for (const [subject, handler] of handlers) {
      const subscription = this.nats.connection.subscribe(this.nats.names.rpcSubject(subject), {
        queue: this.options.service,
        callback: (error, message) => {
          if (error) {
            this.logger.error(`subscription to ${subject} failed: ${error.message}`);
            return;
          }
          const work = this.answer(subject, handler, message).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
        },
      });
      this.subscriptions.push(subscription);
    }
    if (handlers.size) this.logger.log(`answering: ${[...handlers.keys()].join(', ')}`);
  }

  /** Stops taking requests and waits for the ones being answered. */
  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.drain().catch(() => undefined)));
    this.subscriptions.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }

  private async answer(subject: RpcSubject, handler: { name: string; call: Handler }, message: Msg): Promise<void> {
    const reply = await inSpan(
      `${subject} handle`,
      SpanKind.SERVER,
      extractTraceContext(message.headers),
      { 'rpc.system': 'nats', 'rpc.method': subject },
      () => this.reply(subject, handler, message),
    ).catch((error: unknown) => this.internal(subject, handler.name, error));
    const ok = 'result' in reply;
    this.metrics?.natsMessage(`rpc.${subject}`, 'consume', ok ? 'ok' : 'error');
    try {
      message.respond(JSON.stringify(reply));
    } catch (error) {
      this.logger.warn(`cannot reply to ${subject}: ${(error as Error).message}`);
    }
  }

  private async reply(subject: RpcSubject, handler: { name: string; call: Handler }, message: Msg): Promise<RpcReply> {
    const definition = RPC_CATALOG[subject];
    let body: unknown;
    try {
      body = message.json();
    } catch {
      return { error: { code: RpcErrorCode.BAD_REQUEST, message: 'the request is not JSON' } };
    }
    const request = definition.request.safeParse(body);
    if (!request.success) {
      return { error: { code: RpcErrorCode.BAD_REQUEST, message: describeIssues(request.error.issues).join('; ') } };
    }
    let result: unknown;
    try {
      result = await handler.call(request.data);
    } catch (error) {
      if (error instanceof RpcHandlerError) return { error: { code: error.code, message: error.message } };
      throw error;
    }
    const response = definition.response.safeParse(result);
    if (!response.success) {
      // Our own bug: say so in the log, not on the wire.
      this.logger.error(`${handler.name} returned an invalid ${subject} response: ${describeIssues(response.error.issues).join('; ')}`);
      return { error: { code: RpcErrorCode.INTERNAL, message: 'internal error' } };
    }
    return { result: response.data };
  }

  private internal(subject: string, name: string, error: unknown): RpcReply {
    this.logger.error(`${name} failed on ${subject}: ${(error as Error).stack ?? String(error)}`);
    return { error: { code: RpcErrorCode.INTERNAL, message: 'internal error' } };
  }
}
