import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { ChannelsModule } from '../channels/channels.module';
import { ContactsModule } from '../contacts/contacts.module';
import { PlanningModule } from '../planning/planning.module';
import { MessageOutcomeRepository } from './infrastructure/message-outcome.repository';
import { MessageDispatcher } from './message-dispatcher';

/** Sending what fell due, on the channels each person agreed to, and recording what became of it. */
@Module({
  imports: [EventStoreModule, PlanningModule, ContactsModule, ChannelsModule],
  providers: [MessageOutcomeRepository, MessageDispatcher],
  exports: [MessageDispatcher, MessageOutcomeRepository],
})
export class DeliveryModule {}
