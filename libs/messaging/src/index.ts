export { MessagingModule } from './messaging.module';
export {
  MESSAGING_DEFAULTS,
  MESSAGING_METRICS,
  type ConnectionSettings,
  type ConsumerSettings,
  type MessagingMetricsSink,
  type MessagingModuleOptions,
  type RelaySettings,
  type RpcSettings,
  type StreamSettings,
} from './messaging.options';
export { messagingMigrations, CreateMessagingOutbox1767225600000, CreateMessagingInbox1767225600001 } from './messaging.migrations';
export { EventPublisher } from './outbox/event-publisher';
export { OnEvent, type OnEventOptions, type EventHandlerMethod } from './consumers/on-event.decorator';
export { DeadLetterService, DeadLetterNotFoundError, DeadLetterHeaders, type DeadLetter } from './consumers/dead-letter.service';
export { RpcClient } from './rpc/rpc-client';
export { OnRequest, type RequestHandlerMethod } from './rpc/on-request.decorator';
export {
  RpcError,
  RpcErrorCode,
  RpcHandlerError,
  RpcRemoteError,
  RpcTimeoutError,
  RpcUnavailableError,
} from './rpc/rpc.errors';
export { NatsReadinessCheck } from './nats-readiness.check';
export { NatsClient } from './nats-client';
export { MessagingNames } from './messaging-names';
export { ContractViolationError, OutboxTransactionRequiredError } from './messaging.errors';
export { uuidv7 } from './uuidv7';
