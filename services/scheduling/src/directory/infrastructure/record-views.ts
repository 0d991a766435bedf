import { Logger } from '@nestjs/common';
import { Connection, mongo } from 'mongoose';

export interface RecordView<Record> {
  readonly _id: string;
  /** The stream version the record is from. */
  readonly version: number;
  readonly record: Record;
}

const DUPLICATE_KEY = 11000;

/**
 * The latest record of each directory stream, one document keyed by the record's id: reads
 * are `_id` lookups (the stream itself is a scan on FerretDB). Saved after every append and
 * never over a newer version.
 */
export class RecordViews<Record> {
  private readonly views: mongo.Collection<RecordView<Record>>;
  private readonly logger: Logger;

  constructor(connection: Connection, collection: string) {
    this.views = connection.collection<RecordView<Record>>(collection);
    this.logger = new Logger(collection);
  }

  async find(id: string): Promise<RecordView<Record> | undefined> {
    return (await this.views.findOne({ _id: id })) ?? undefined;
  }

  async findMany(ids: readonly string[]): Promise<RecordView<Record>[]> {
    if (ids.length === 0) return [];
    return this.views.find({ _id: { $in: [...ids] } }).toArray();
  }

  async save(id: string, record: Record, version: number): Promise<void> {
    try {
      const updated = await this.views.updateOne({ _id: id, version: { $lt: version } }, {
        $set: { version, record },
      } as mongo.UpdateFilter<RecordView<Record>>);
      if (updated.matchedCount > 0) return;
      await this.views.insertOne({ _id: id, version, record } as mongo.OptionalUnlessRequiredId<
        RecordView<Record>
      >);
    } catch (error) {
      // A duplicate is a view as new or newer, saved by a concurrent writer.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY)
        this.logger.warn(`view of ${id} not saved: ${(error as Error).message}`);
    }
  }
}
