export * from './config/service-env';
export * from './config/service-identity';
export * from './http/bootstrap-service';
export * from './mongo/mongo-connection.module';
export * from './platform.module';
export * from './http/invalid-input.exception';
export * from './http/problem-details';
export * from './http/is-zoned-date-time';
