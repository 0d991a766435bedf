import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventStoreModule, MongoEventStore } from '@thc/event-store';
import { SERVICE_IDENTITY, ServiceIdentity } from '../config/service-identity';
import { PhiAccessInterceptor } from './phi-access.interceptor';
import { PhiAccessRecorder } from './phi-access.recorder';

/** For services whose routes return patient data: every `@PhiRead` response is recorded. */
@Module({
  imports: [EventStoreModule],
  providers: [
    {
      provide: PhiAccessRecorder,
      inject: [MongoEventStore, SERVICE_IDENTITY],
      useFactory: (store: MongoEventStore, identity: ServiceIdentity) =>
        new PhiAccessRecorder(store, identity),
    },
    { provide: APP_INTERCEPTOR, useClass: PhiAccessInterceptor },
  ],
  exports: [PhiAccessRecorder],
})
export class PhiAccessModule {}
