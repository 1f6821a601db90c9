import type { RpcRequest, RpcResponse, RpcSubject } from '@mestres/contracts';

/** What a decorated method must look like for its subject. */
export type RequestHandlerMethod<S extends RpcSubject> = (request: RpcRequest<S>) => Promise<RpcResponse<S>> | RpcResponse<S>;

export const ON_REQUEST_METADATA = Symbol('mestres:on-request');

/**
 * Marks a provider method as the responder of one request/reply operation. Replicas share
 * the load (queue group = service name). The request is validated before the method runs
 * (invalid: `BAD_REQUEST` reply); throw `RpcHandlerError` to reply a domain error code.
 */
export function OnRequest<S extends RpcSubject>(subject: S) {
  return <M extends RequestHandlerMethod<S>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => {
    Reflect.defineMetadata(ON_REQUEST_METADATA, subject, descriptor.value!);
    return descriptor;
  };
}
