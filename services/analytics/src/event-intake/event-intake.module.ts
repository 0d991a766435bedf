import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryNamesModule } from '../directory-names/directory-names.module';
import { CountEveryEventAndKeepDirectoryNames } from './count-every-event-and-keep-directory-names.consumer';
import { EVENT_TALLY, eventTallySchema } from './event-tally.schema';
import { EventTallyProjection } from './event-tally.projection';

@Module({
  imports: [
    DirectoryNamesModule,
    MongooseModule.forFeature([{ name: EVENT_TALLY, schema: eventTallySchema }]),
  ],
  providers: [EventTallyProjection, CountEveryEventAndKeepDirectoryNames],
  exports: [EventTallyProjection],
})
export class EventIntakeModule {}
