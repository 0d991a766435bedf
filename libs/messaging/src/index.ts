export * from './consumer/consumed-event';
export * from './consumer/event-consumer';
export * from './kafka/kafka-client-config';
export * from './nest/event-consumer.host';
export * from './nest/kafka.module';
export * from './nest/outbox-relay.module';
export * from './relay/outbox-relay';
