import { EVENT_CONTENT_TYPE, toKafkaHeaders } from '../cloudevents/cloud-event';
import { kafkaHeadersSchema } from '../cloudevents/kafka-headers.schema';
import type { RegisteredEvent } from '../registry/event-registry';
import { streamIdOf } from '../registry/event-registry';
import { EXAMPLE_IDS } from '../registry/example-ids';
import { streamKeyPattern } from '../registry/stream-key';
import { latestTypeOf } from '../versioning/upcast';
import type { AsyncApiMessage } from './asyncapi-document';

const KAFKA_BINDING_VERSION = '0.5.0';

function description(event: RegisteredEvent): string {
  const lines = [
    `Key and ce_subject: the ${event.streamDefinition.prefix} stream id ` +
      `\`${event.streamDefinition.prefix}-<${event.streamDefinition.idField}>\` ` +
      `(${event.streamDefinition.description})`,
  ];
  const latest = latestTypeOf(event.type);
  if (latest !== event.type) {
    lines.push(
      `Superseded by ${latest}: producers emit the latest version, but events written before ` +
        `it are still on the topic. Read them as ${latest} with the upcaster in libs/contracts.`,
    );
  }
  return lines.join('\n\n');
}

/** The headers a producer writes for the example, through the real CloudEvents codec. */
function exampleHeaders(event: RegisteredEvent): Record<string, string> {
  return toKafkaHeaders({
    id: EXAMPLE_IDS.eventId,
    source: event.source,
    type: event.type,
    subject: streamIdOf(event.type, event.example) ?? '',
    time: '2026-03-09T13:24:46.120Z',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  });
}

/** One event type as an AsyncAPI message: CloudEvents headers, JSON payload, Kafka key. */
export function asyncApiMessage(event: RegisteredEvent): AsyncApiMessage {
  const keyPattern = streamKeyPattern(event.streamDefinition);
  return {
    name: event.type,
    title: `${event.name} v${event.version}`,
    summary: event.summary,
    description: description(event),
    contentType: EVENT_CONTENT_TYPE,
    headers: kafkaHeadersSchema({
      type: event.type,
      sources: event.sources,
      subjectPattern: keyPattern,
    }),
    payload: event.schema,
    correlationId: {
      description: 'W3C trace context: one trace spans the request, the event and its consumers.',
      location: '$message.header#/traceparent',
    },
    bindings: {
      kafka: {
        key: { type: 'string', pattern: keyPattern, description: 'Stream id; orders the stream.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [
      {
        name: `${event.name}V${event.version}`,
        summary: `A valid ${event.type}.`,
        headers: exampleHeaders(event),
        payload: event.example,
      },
    ],
  };
}
