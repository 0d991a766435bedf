import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { CachedDay } from './ledger-cache';
import type { ClaimedTime } from './ledger.events';
import { upsertAll } from './upsert-all';

interface LedgerDayView {
  readonly _id: string;
  readonly version: number;
  readonly claims: readonly ClaimedTime[];
}

/**
 * The ledger days as slot search reads them: one document per day stream, keyed by the
 * stream id, so a week of a provider's booked time is one `_id` lookup instead of a stream
 * load per day (each a scan on FerretDB). Written after the ledger's appends (the days one
 * booking, move or release touched, in one write), never older than what it replaces (version
 * guard). Only reads use it: a booking is still decided on the streams, so a view that lags
 * can hide or show a slot for a moment, never double book.
 */
@Injectable()
export class LedgerDayViews {
  private readonly views: mongo.Collection<LedgerDayView>;
  private readonly logger = new Logger(LedgerDayViews.name);

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<LedgerDayView>('ledger_day_views');
  }

  /**
   * Saves the days in one write, each unless a newer version of it is already there (a slower
   * writer loses). A day at version 0 has never been written and has no view. Anything but a
   * newer version in the way leaves the views behind until the day's next change, which the log
   * says.
   */
  async saveAll(days: ReadonlyMap<string, CachedDay>): Promise<void> {
    const written = [...days].filter(([, day]) => day.version > 0);
    try {
      await upsertAll(
        this.views,
        written.map(([streamId, day]) => ({
          filter: { _id: streamId, version: { $lt: day.version } },
          update: { $set: { version: day.version, claims: day.state.claims } },
        })),
      );
    } catch (error) {
      const ids = written.map(([streamId]) => streamId).join(', ');
      this.logger.warn(`ledger views ${ids} not saved: ${(error as Error).message}`);
    }
  }

  /** Claims of these day streams; a day never written has none. */
  async claimsOf(streamIds: readonly string[]): Promise<ClaimedTime[]> {
    if (streamIds.length === 0) return [];
    const days = await this.views.find({ _id: { $in: [...streamIds] } }).toArray();
    return days.flatMap((day) => day.claims);
  }
}
