import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { ChannelsModule } from '../channels/channels.module';
import { urlencoded } from 'express';
import { ContactsModule } from '../contacts/contacts.module';
import { PlanningModule } from '../planning/planning.module';
import {
  SMS_STATUS_PATH,
  SmsDeliveryReportController,
} from './delivery-reports/sms-delivery-report.controller';
import { SmsDeliveryReportHandler } from './delivery-reports/sms-delivery-report.handler';
import { MessageOutcomeRepository } from './infrastructure/message-outcome.repository';
import { MessageDispatcher } from './message-dispatcher';

/** Sending what fell due, on the channels each person agreed to, and recording what became of it. */
@Module({
  imports: [EventStoreModule, PlanningModule, ContactsModule, ChannelsModule],
  controllers: [SmsDeliveryReportController],
  providers: [MessageOutcomeRepository, MessageDispatcher, SmsDeliveryReportHandler],
  exports: [MessageDispatcher, MessageOutcomeRepository],
})
export class DeliveryModule implements NestModule {
  /** The gateway's reports are forms; every other route of the service takes JSON only. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 100 }))
      .forRoutes({ path: SMS_STATUS_PATH, method: RequestMethod.POST });
  }
}
