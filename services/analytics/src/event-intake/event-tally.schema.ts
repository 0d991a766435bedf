import { Schema } from 'mongoose';

/**
 * How many events of each type arrived per UTC day. `applied` holds the ids of the events
 * already counted, so the count and the idempotency record change in one document write.
 */
export interface EventTally {
  _id: string;
  type: string;
  day: string;
  count: number;
  applied: string[];
}

export const EVENT_TALLY = 'event_tallies';

export const eventTallySchema = new Schema<EventTally>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    day: { type: String, required: true },
    count: { type: Number, required: true },
    applied: { type: [String], default: [] },
  },
  { versionKey: false, collection: EVENT_TALLY },
);
