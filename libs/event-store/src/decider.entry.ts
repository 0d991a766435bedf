// The pure entry of the event store (`@thc/event-store/decider`): what domain code may use.
// No MongoDB, Nest or Kafka is reachable from here; the adapters are `@thc/event-store`.
export * from './aggregate/decider';
export * from './derived-event-id';
