export * from './cloudevents/cloud-event';
export * from './registry/topics';
