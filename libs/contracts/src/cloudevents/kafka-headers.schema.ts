import { EVENT_CONTENT_TYPE, CLOUDEVENTS_SPEC_VERSION } from './cloud-event';

/** W3C Trace Context `traceparent`: version-traceid-parentid-flags. */
const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** What the headers of one event type are pinned to. */
export interface KafkaHeadersSchemaInput {
  readonly type: string;
  /** The allowed `ce_source` values; usually one, the topic's producer. */
  readonly sources: readonly string[];
  readonly subjectPattern: string;
}

/**
 * JSON Schema of the Kafka headers of one event type in CloudEvents binary content mode, as
 * `toKafkaHeaders` writes them. Header values are bytes on the wire; read them as UTF-8 first.
 */
export function kafkaHeadersSchema(input: KafkaHeadersSchemaInput): Record<string, unknown> {
  return {
    type: 'object',
    required: [
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_subject',
      'ce_time',
      'content-type',
    ],
    properties: {
      ce_specversion: { const: CLOUDEVENTS_SPEC_VERSION },
      ce_id: {
        type: 'string',
        format: 'uuid',
        description: 'Event id. Delivery is at least once: consumers deduplicate by it.',
      },
      ce_source:
        input.sources.length === 1
          ? { const: input.sources[0], description: 'The producing service.' }
          : { enum: [...input.sources], description: 'The producing service.' },
      ce_type: { const: input.type },
      ce_subject: {
        type: 'string',
        pattern: input.subjectPattern,
        description: 'The stream (aggregate) id; equal to the Kafka message key.',
      },
      ce_time: { type: 'string', format: 'date-time', description: 'When the event was recorded.' },
      'content-type': { const: EVENT_CONTENT_TYPE },
      traceparent: {
        type: 'string',
        pattern: TRACEPARENT_PATTERN,
        description: 'W3C trace context of the request that caused the event.',
      },
      tracestate: { type: 'string', description: 'W3C trace context vendor state.' },
    },
    // Other ce_ headers are CloudEvents extensions (e.g. ce_correlationid); all headers are text.
    additionalProperties: { type: 'string' },
  };
}
