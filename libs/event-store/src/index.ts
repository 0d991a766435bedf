export * from './concurrency.error';
export * from './event-document.schema';
export * from './mongo-event-store';
export * from './stored-event';
export * from './nest/event-store.module';
