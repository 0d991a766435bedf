import { Collection } from 'mongodb';
import { Connection } from 'mongoose';
import { refusedIndex } from '../append/duplicate-key';
import { Snapshot, SnapshotStore } from './snapshot-store';

interface SnapshotDocument extends Snapshot {
  _id: string;
  takenAt: Date;
}

/** One document per stream, keyed by stream id, in its own collection (default `snapshots`). */
export class MongoSnapshotStore implements SnapshotStore {
  private readonly snapshots: Collection<SnapshotDocument>;
  private readonly now: () => Date;

  constructor(
    connection: Connection,
    options: { readonly collection?: string; readonly now?: () => Date } = {},
  ) {
    this.snapshots = connection.collection<SnapshotDocument>(options.collection ?? 'snapshots');
    this.now = options.now ?? (() => new Date());
  }

  async load(streamId: string): Promise<Snapshot | undefined> {
    const document = await this.snapshots.findOne({ _id: streamId });
    return document
      ? { version: document.version, schemaVersion: document.schemaVersion, state: document.state }
      : undefined;
  }

  async save(streamId: string, snapshot: Snapshot): Promise<void> {
    try {
      await this.snapshots.updateOne(
        {
          _id: streamId,
          $or: [
            { version: { $lt: snapshot.version } },
            { schemaVersion: { $ne: snapshot.schemaVersion } },
          ],
        },
        {
          $set: {
            version: snapshot.version,
            schemaVersion: snapshot.schemaVersion,
            state: snapshot.state,
            takenAt: this.now(),
          },
        },
        { upsert: true },
      );
    } catch (error) {
      // The filter missed because a newer snapshot is there; the upsert then collides on _id.
      if (refusedIndex(error) === undefined) throw error;
    }
  }
}
