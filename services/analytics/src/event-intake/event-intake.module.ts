import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryNamesModule } from '../directory-names/directory-names.module';
import { EventIntakeConsumer } from './event-intake.consumer';
import { EVENT_TALLY, eventTallySchema } from './event-tally.schema';
import { EventTallyProjection } from './event-tally.projection';

@Module({
  imports: [
    DirectoryNamesModule,
    MongooseModule.forFeature([{ name: EVENT_TALLY, schema: eventTallySchema }]),
  ],
  providers: [EventTallyProjection, EventIntakeConsumer],
  exports: [EventTallyProjection],
})
export class EventIntakeModule {}
