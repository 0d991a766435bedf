export * from './config/service-env';
export * from './config/service-identity';
export * from './http/bootstrap-service';
export * from './mongo/mongo-connection.module';
export * from './platform.module';
