import { EVENT_CONTENT_TYPE } from '../cloudevents/cloud-event';
import { type EventChannel, eventChannels } from '../registry/event-channels';
import { allEventDefinitions } from '../registry/event-registry';
import type { AsyncApiChannel, AsyncApiDocument, AsyncApiOperation } from './asyncapi-document';
import { asyncApiMessage } from './asyncapi-message';

const messageRef = (type: string) => ({ $ref: `#/components/messages/${type}` });

const list = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

function asyncApiChannel(channel: EventChannel): AsyncApiChannel {
  const writers = channel.contextTopic
    ? `Produced by the ${list(channel.producers)} service only.`
    : `Written by the ${list(channel.producers)} services, each for what it records itself; ` +
      `a topic of its own, so that writing it lets them publish no other ${channel.context} event.`;
  return {
    address: channel.topic,
    title: channel.topic,
    description:
      `${channel.description} ${writers} ` +
      'Every stream is keyed by its id, so its events stay in order on one partition.',
    messages: Object.fromEntries(
      channel.events.map((event) => [event.type, messageRef(event.type)]),
    ),
    bindings: { kafka: { topic: channel.topic, bindingVersion: '0.5.0' } },
  };
}

/** Id of a channel's send operation: `<producer>.send`, `<channel>.send` when several write it. */
export function sendOperationId(channel: EventChannel): string {
  return channel.contextTopic ? `${channel.producers[0] ?? ''}.send` : `${channel.id}.send`;
}

function sendOperation(channel: EventChannel): AsyncApiOperation {
  const [producer] = channel.producers;
  return {
    action: 'send',
    channel: { $ref: `#/channels/${channel.id}` },
    ...(channel.contextTopic
      ? {
          title: `${producer} publishes`,
          summary: `The ${producer} service publishes its events from its outbox, at least once.`,
        }
      : {
          title: `${list(channel.producers)} publish`,
          summary: `Each of the ${list(channel.producers)} services publishes the events it records from its own outbox, at least once.`,
        }),
    messages: channel.events.map((event) => ({
      $ref: `#/channels/${channel.id}/messages/${event.type}`,
    })),
  };
}

/**
 * The AsyncAPI 3.0 document of every topic and event type, built from the registries alone:
 * channels are topics, messages are event types (name = CloudEvents type). Pure; the writer
 * (`npm run asyncapi`) turns it into docs/asyncapi.yaml.
 */
export function buildAsyncApi(options: { readonly version: string }): AsyncApiDocument {
  const channels = eventChannels();
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
    channels: Object.fromEntries(channels.map((each) => [each.id, asyncApiChannel(each)])),
    operations: Object.fromEntries(
      channels.map((each) => [sendOperationId(each), sendOperation(each)]),
    ),
    components: {
      messages: Object.fromEntries(
        allEventDefinitions().map((event) => [event.type, asyncApiMessage(event)]),
      ),
    },
  };
}
