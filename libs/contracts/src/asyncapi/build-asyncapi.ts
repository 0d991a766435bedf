import { EVENT_CONTENT_TYPE } from '../cloudevents/cloud-event';
import type { ContextRegistry } from '../registry/event-definition';
import { CONTEXT_REGISTRIES, allEventDefinitions } from '../registry/event-registry';
import type { AsyncApiChannel, AsyncApiDocument, AsyncApiOperation } from './asyncapi-document';
import { asyncApiMessage } from './asyncapi-message';

const messageRef = (type: string) => ({ $ref: `#/components/messages/${type}` });

function channel(registry: ContextRegistry): AsyncApiChannel {
  return {
    address: registry.topic,
    title: registry.topic,
    description:
      `${registry.description} Produced by the ${registry.producer.service} service only. ` +
      'Every stream is keyed by its id, so its events stay in order on one partition.',
    messages: Object.fromEntries(
      registry.events.map((event) => [event.type, messageRef(event.type)]),
    ),
    bindings: { kafka: { topic: registry.topic, bindingVersion: '0.5.0' } },
  };
}

function sendOperation(registry: ContextRegistry): AsyncApiOperation {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${registry.context}` },
    title: `${registry.producer.service} publishes`,
    summary: `The ${registry.producer.service} service publishes its events from its outbox, at least once.`,
    messages: registry.events.map((event) => ({
      $ref: `#/channels/${registry.context}/messages/${event.type}`,
    })),
  };
}

/**
 * The AsyncAPI 3.0 document of every topic and event type, built from the registries alone:
 * channels are topics, messages are event types (name = CloudEvents type). Pure; the writer
 * (`npm run asyncapi`) turns it into docs/asyncapi.yaml.
 */
export function buildAsyncApi(options: { readonly version: string }): AsyncApiDocument {
  const registries: readonly ContextRegistry[] = Object.values(CONTEXT_REGISTRIES);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Telehealth Coordinator events',
      version: options.version,
      description:
        'Every event the platform publishes on Kafka. Messages are CloudEvents 1.0 in Kafka binary ' +
        'content mode: attributes in ce_* headers, the event data as the JSON value, the stream id ' +
        'as the key. Payload schemas are JSON Schema draft-07. A changed event gets a new type ' +
        '(.v2); older versions stay listed because they remain on the topics.',
      license: { name: 'Apache-2.0' },
    },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: {
      kafka: {
        host: '{bootstrap}',
        protocol: 'kafka',
        description: 'The Kafka cluster of a deployment (KAFKA_BROKERS).',
        variables: { bootstrap: { default: 'localhost:9092' } },
      },
    },
    channels: Object.fromEntries(
      registries.map((registry) => [registry.context, channel(registry)]),
    ),
    operations: Object.fromEntries(
      registries.map((registry) => [`${registry.producer.service}.send`, sendOperation(registry)]),
    ),
    components: {
      messages: Object.fromEntries(
        allEventDefinitions().map((event) => [event.type, asyncApiMessage(event)]),
      ),
    },
  };
}
