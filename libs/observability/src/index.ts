export * from './messaging/consumer-batch-span';
export * from './messaging/consumer-span';
export * from './messaging/end-span';
export * from './messaging/messaging-attributes';
export * from './messaging/publish-span';
export * from './metrics/shared-metrics';
export * from './trace-context';
