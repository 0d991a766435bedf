/**
 * OpenTelemetry messaging semantic-convention attribute names set by the platform's Kafka
 * spans. Spelled out here because @opentelemetry/semantic-conventions only exports the
 * messaging names from its unstable `incubating` entry point.
 */
export const MESSAGING_ATTRIBUTES = {
  system: 'messaging.system',
  destinationName: 'messaging.destination.name',
  partitionId: 'messaging.destination.partition.id',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  /** Pre-1.26 name of the operation; older backends still group by it. */
  legacyOperation: 'messaging.operation',
  consumerGroup: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  batchMessageCount: 'messaging.batch.message_count',
  kafkaMessageKey: 'messaging.kafka.message.key',
  kafkaOffset: 'messaging.kafka.offset',
  cloudEventsId: 'cloudevents.event_id',
  cloudEventsType: 'cloudevents.event_type',
  errorType: 'error.type',
} as const;

/** Instrumentation scope of every span the messaging runtime starts. */
export const MESSAGING_TRACER_NAME = '@thc/messaging';
