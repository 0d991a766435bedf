import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { applyOnce, ConsumedEvent } from '@thc/messaging';
import { Model } from 'mongoose';
import { EVENT_TALLY, EventTally } from './event-tally.schema';

/** Counts every event by type and day; a redelivered event is not counted again. */
@Injectable()
export class EventTallyProjection {
  constructor(@InjectModel(EVENT_TALLY) private readonly tallies: Model<EventTally>) {}

  async apply(event: ConsumedEvent): Promise<void> {
    const day = event.time.slice(0, 10);
    await applyOnce(
      this.tallies,
      { _id: `${event.type}|${day}` },
      { $inc: { count: 1 }, $setOnInsert: { type: event.type, day } },
      event.id,
    );
  }

  async countOf(type: string, day: string): Promise<number> {
    const tally = await this.tallies.findById(`${type}|${day}`).lean().exec();
    return tally?.count ?? 0;
  }
}
