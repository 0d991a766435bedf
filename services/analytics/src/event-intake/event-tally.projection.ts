import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConsumedEvent } from '@thc/messaging';
import { Model } from 'mongoose';
import { EVENT_TALLY, EventTally } from './event-tally.schema';

const DUPLICATE_KEY = 11000;

/** Counts every event by type and day; a redelivered event is not counted again. */
@Injectable()
export class EventTallyProjection {
  constructor(@InjectModel(EVENT_TALLY) private readonly tallies: Model<EventTally>) {}

  async apply(event: ConsumedEvent): Promise<void> {
    const day = event.time.slice(0, 10);
    const _id = `${event.type}|${day}`;
    try {
      // The guard on `applied` and the upsert make the write a no-op for a seen event:
      // an existing document that already lists the id does not match, and the insert the
      // upsert then attempts collides on _id.
      await this.tallies.updateOne(
        { _id, applied: { $ne: event.id } },
        {
          $inc: { count: 1 },
          $push: { applied: event.id },
          $setOnInsert: { type: event.type, day },
        },
        { upsert: true },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async countOf(type: string, day: string): Promise<number> {
    const tally = await this.tallies.findById(`${type}|${day}`).lean().exec();
    return tally?.count ?? 0;
  }
}
