import { stringify } from 'yaml';
import { z } from 'zod';
import { eventDefinitions } from './event-catalog';
import { EventEnvelopeSchema } from './event-envelope';
import { rpcDefinitions } from './rpc-catalog';

// Tooling only (docs/events/asyncapi.yaml via `npm run asyncapi`); not exported from index.ts.

type JsonObject = Record<string, unknown>;

const DESCRIPTION = `Generated from libs/contracts (EVENT_CATALOG and RPC_CATALOG) by \`npm run asyncapi\`. Do not edit by hand.

Events: subjects are \`<context>.<aggregate>.<event>.v<N>\`. Each context's events are stored in a JetStream
stream \`<CONTEXT>_EVENTS\` (file storage; by default 7 days of retention and a 2 minute duplicate window).
The message body is the envelope (eventId, subject, occurredAt, version, producer, payload); headers carry
\`Nats-Msg-Id\` (the eventId, so the stream drops duplicates) and W3C \`traceparent\`/\`tracestate\`. Producers
publish through a transactional outbox, so delivery is at least once; consumers deduplicate on eventId.
Events a consumer gives up on go to the \`DLQ\` stream as \`dlq.<consumer>.<subject>\`.

Requests: request/reply over core NATS (never stored), on \`rpc.<context>.<aggregate>.<action>.v<N>\`,
answered by a queue group of the responding service. The reply body is \`{ "result": ... }\` or
\`{ "error": { "code", "message" } }\` with codes BAD_REQUEST, INTERNAL or a domain code.

Tests and shared environments may prefix every subject with \`<prefix>.\` and every stream name with \`<prefix>_\`.`;

function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonObject;
  return rest;
}

function titleOf(schema: z.ZodType): string {
  const title = schema.meta()?.title;
  if (typeof title !== 'string') throw new Error('every contract schema needs .meta({ title })');
  return title;
}

/** `catalog.product.price-changed.v1` -> `catalogProductPriceChangedV1` */
export function channelId(subject: string): string {
  return subject
    .split(/[.-]/)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

const ref = (pointer: string) => ({ $ref: pointer });

/** The AsyncAPI 3.0 description of every event and request/reply operation. */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  const schemas: JsonObject = {
    EventHeaders: {
      type: 'object',
      properties: {
        'Nats-Msg-Id': { type: 'string', description: 'The eventId on first publication; JetStream drops duplicates within the window' },
        traceparent: { type: 'string', description: 'W3C trace context of the producer' },
        tracestate: { type: 'string' },
      },
    },
    RequestHeaders: {
      type: 'object',
      properties: { traceparent: { type: 'string', description: 'W3C trace context of the requester' }, tracestate: { type: 'string' } },
    },
    RpcError: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'BAD_REQUEST, INTERNAL, or a domain error code' },
        message: { type: 'string' },
      },
    },
  };

  const envelope = jsonSchema(EventEnvelopeSchema);
  for (const [subject, definition] of eventDefinitions()) {
    const name = titleOf(definition.schema);
    schemas[name] = jsonSchema(definition.schema);
    const envelopeProperties = envelope.properties as JsonObject;
    messages[name] = {
      name,
      title: name,
      summary: definition.description,
      contentType: 'application/json',
      headers: ref('#/components/schemas/EventHeaders'),
      payload: {
        ...envelope,
        properties: {
          ...envelopeProperties,
          subject: { type: 'string', const: subject },
          version: { type: 'integer', const: definition.version },
          payload: ref(`#/components/schemas/${name}`),
        },
      },
      'x-version': definition.version,
      'x-producer': definition.producer,
    };
    const id = channelId(subject);
    channels[id] = {
      address: subject,
      title: subject,
      description: definition.description,
      messages: { [name]: ref(`#/components/messages/${name}`) },
    };
    operations[`publish${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      title: `${definition.producer} publishes ${subject}`,
      summary: definition.description,
      channel: ref(`#/channels/${id}`),
      messages: [ref(`#/channels/${id}/messages/${name}`)],
      'x-producer': definition.producer,
      'x-version': definition.version,
    };
  }

  for (const [subject, definition] of rpcDefinitions()) {
    const requestName = titleOf(definition.request);
    const responseName = titleOf(definition.response);
    schemas[requestName] = jsonSchema(definition.request);
    schemas[responseName] = jsonSchema(definition.response);
    messages[requestName] = {
      name: requestName,
      title: requestName,
      contentType: 'application/json',
      headers: ref('#/components/schemas/RequestHeaders'),
      payload: ref(`#/components/schemas/${requestName}`),
    };
    const replyName = `${responseName}Reply`;
    messages[replyName] = {
      name: replyName,
      title: replyName,
      contentType: 'application/json',
      payload: {
        oneOf: [
          { type: 'object', required: ['result'], properties: { result: ref(`#/components/schemas/${responseName}`) } },
          { type: 'object', required: ['error'], properties: { error: ref('#/components/schemas/RpcError') } },
        ],
      },
    };
    const id = channelId(`rpc.${subject}`);
    channels[id] = {
      address: `rpc.${subject}`,
      title: `rpc.${subject}`,
      description: definition.description,
      messages: { [requestName]: ref(`#/components/messages/${requestName}`) },
    };
    channels[`${id}Reply`] = {
      address: null,
      description: `Reply to rpc.${subject}, sent to the requester's inbox.`,
      messages: { [replyName]: ref(`#/components/messages/${replyName}`) },
    };
    operations[`answer${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: 'receive',
      title: `${definition.responder} answers rpc.${subject}`,
      summary: definition.description,
      channel: ref(`#/channels/${id}`),
      messages: [ref(`#/channels/${id}/messages/${requestName}`)],
      reply: {
        channel: ref(`#/channels/${id}Reply`),
        messages: [ref(`#/channels/${id}Reply/messages/${replyName}`)],
      },
      'x-responder': definition.responder,
      'x-version': definition.version,
    };
  }

  return {
    asyncapi: '3.0.0',
    info: { title: 'Mestres Café events and requests', version: '1.0.0', description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:4222', protocol: 'nats', description: 'Local development NATS with JetStream' },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}

/** The YAML committed at docs/events/asyncapi.yaml. */
export function renderAsyncApiYaml(): string {
  return `# Generated by \`npm run asyncapi\` from libs/contracts. Do not edit.\n${stringify(buildAsyncApiDocument(), {
    aliasDuplicateObjects: false,
    lineWidth: 0,
  })}`;
}
