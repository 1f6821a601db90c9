export {
  EVENT_CATALOG,
  eventDefinitions,
  isEventSubject,
  type EventCatalog,
  type EventDefinition,
  type EventPayload,
  type EventProducer,
  type EventSubject,
} from './event-catalog';
export {
  RPC_CATALOG,
  rpcDefinitions,
  isRpcSubject,
  type RpcCatalog,
  type RpcDefinition,
  type RpcRequest,
  type RpcResponse,
  type RpcSubject,
} from './rpc-catalog';
export { EventEnvelopeSchema, type EventEnvelope } from './event-envelope';
export * from './catalog.events';
export * from './catalog.rpc';
export * from './orders.events';
export * from './orders.rpc';
export * from './users.events';
export * from './courses.events';
export { uuidV5, DEMO_USER_ID_NAMESPACE, demoUserId } from './stable-ids';
