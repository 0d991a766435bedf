import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import type { LedgerState } from './ledger.decider';
import type { ClaimedTime } from './ledger.events';

interface LedgerDayView {
  readonly _id: string;
  readonly version: number;
  readonly claims: readonly ClaimedTime[];
}

const DUPLICATE_KEY = 11000;

/**
 * The ledger days as slot search reads them: one document per day stream, keyed by the
 * stream id, so a week of a provider's booked time is one `_id` lookup instead of a stream
 * load per day (each a scan on FerretDB). Written after every append the ledger makes, never
 * older than what it replaces (version guard). Only reads use it: a booking is still decided
 * on the streams, so a view that lags can hide or show a slot for a moment, never double book.
 */
@Injectable()
export class LedgerDayViews {
  private readonly views: mongo.Collection<LedgerDayView>;
  private readonly logger = new Logger(LedgerDayViews.name);

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<LedgerDayView>('ledger_day_views');
  }

  async save(streamId: string, day: { state: LedgerState; version: number }): Promise<void> {
    const claims = day.state.claims;
    try {
      const updated = await this.views.updateOne(
        { _id: streamId, version: { $lt: day.version } },
        { $set: { version: day.version, claims } },
      );
      if (updated.matchedCount > 0) return;
      await this.views.insertOne({ _id: streamId, version: day.version, claims });
    } catch (error) {
      // Already there at this version or a newer one; anything else leaves the view behind
      // until the day's next change, which the log says.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY)
        this.logger.warn(`ledger view ${streamId} not saved: ${(error as Error).message}`);
    }
  }

  /** Claims of these day streams; a day never written has none. */
  async claimsOf(streamIds: readonly string[]): Promise<ClaimedTime[]> {
    if (streamIds.length === 0) return [];
    const days = await this.views.find({ _id: { $in: [...streamIds] } }).toArray();
    return days.flatMap((day) => day.claims);
  }
}
