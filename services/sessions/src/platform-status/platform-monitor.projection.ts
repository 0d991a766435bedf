import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { MonitorState } from './incident-monitor';

interface MonitorDocument extends MonitorState {
  readonly _id: 'platform';
  readonly version: number;
}

/**
 * The monitor's one document, changed by compare-and-set on `version`: two instances that
 * observe at once cannot both raise an incident, the second one reloads and sees it open.
 */
@Injectable()
export class PlatformMonitorStore {
  private readonly collection: mongo.Collection<MonitorDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<MonitorDocument>('platform_monitor');
  }

  async load(): Promise<{ state: MonitorState; version: number }> {
    const document = await this.collection.findOne({ _id: 'platform' });
    if (!document) return { state: { signals: [] }, version: 0 };
    const { _id: _, version, ...state } = document;
    return { state, version };
  }

  /** Saves `next` if nobody saved since `version`; false when someone did. */
  async save(version: number, next: MonitorState): Promise<boolean> {
    const document = { ...next, version: version + 1 };
    if (version === 0) {
      try {
        await this.collection.insertOne({ _id: 'platform', ...document });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    }
    const { open, ...rest } = document;
    const updated = await this.collection.updateOne(
      { _id: 'platform', version },
      open ? { $set: { ...rest, open } } : { $set: rest, $unset: { open: '' } },
    );
    return updated.modifiedCount === 1;
  }
}
