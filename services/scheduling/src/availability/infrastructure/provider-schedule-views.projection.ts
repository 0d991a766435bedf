import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { ProviderSchedule } from '../domain/schedule-rules';

interface ProviderScheduleView {
  readonly _id: string;
  readonly version: number;
  readonly schedule: ProviderSchedule;
}

const DUPLICATE_KEY = 11000;

/**
 * Each provider's schedule as slot search and booking checks read it: one document keyed by
 * the provider id (an `_id` lookup, where loading the stream is a scan on FerretDB). Saved
 * after every change of the stream, never over a newer version; a provider without a view
 * (defined before the view existed, or whose save failed) is read from the stream and saved.
 */
@Injectable()
export class ProviderScheduleViews {
  private readonly views: mongo.Collection<ProviderScheduleView>;
  private readonly logger = new Logger(ProviderScheduleViews.name);

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<ProviderScheduleView>('provider_schedule_views');
  }

  async find(providerId: string): Promise<ProviderSchedule | undefined> {
    return (await this.views.findOne({ _id: providerId }))?.schedule;
  }

  /** Several schedules in one `$in` read, by owner id; those without a view are left out. */
  async findAll(ownerIds: readonly string[]): Promise<Map<string, ProviderSchedule>> {
    if (ownerIds.length === 0) return new Map();
    const views = await this.views.find({ _id: { $in: [...ownerIds] } }).toArray();
    return new Map(views.map((view) => [view._id, view.schedule]));
  }

  async save(schedule: ProviderSchedule, version: number): Promise<void> {
    const _id = schedule.providerId;
    try {
      const updated = await this.views.updateOne(
        { _id, version: { $lt: version } },
        { $set: { version, schedule } },
      );
      if (updated.matchedCount > 0) return;
      await this.views.insertOne({ _id, version, schedule });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY)
        this.logger.warn(`schedule view of ${_id} not saved: ${(error as Error).message}`);
    }
  }
}
