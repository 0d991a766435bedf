import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { retryUpsert } from '../shared/retry-upsert';
import { ViolationDetected } from './domain/violation';
import { ViolationAcknowledged } from './domain/violation-review.events';
import { ViolationStatus } from './domain/violation-review.state';

/** One step of the officer's follow-up as the alert list shows it, with the note's text. */
export interface AlertReview {
  readonly at: string;
  readonly by: ViolationAcknowledged['acknowledgedBy'];
  readonly noteId: string;
  /** Absent only if the stored note went missing, which the note's hash in the trail shows. */
  readonly note?: string;
}

export type AlertDocument = ViolationDetected & {
  readonly _id: string;
  readonly status: ViolationStatus;
  readonly acknowledgement?: AlertReview;
  readonly resolution?: AlertReview;
  /** Version of the violation's stream the alert reflects (absent while only detected). */
  readonly version?: number;
};

/**
 * The alert list auditors work from: one document per violation, a projection of its stream
 * (detection, then acknowledgement and resolution), filterable by rule, status and period.
 */
@Injectable()
export class ViolationAlerts implements OnModuleInit {
  readonly collection: mongo.Collection<AlertDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<AlertDocument>('violation_alerts');
  }

  /** The alert list filters by status or rule, newest first. */
  async onModuleInit(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection when one createIndexes of several
    // indexes finds them already there (every restart); a single createIndex is a no-op.
    for (const { key, name } of [
      { key: { status: 1, detectedAt: -1 }, name: 'status_detected' },
      { key: { rule: 1, detectedAt: -1 }, name: 'rule_detected' },
    ] as const)
      await this.collection.createIndex(key, { name });
  }

  /** A new finding is open; a finding seen before keeps whatever the officer did with it. */
  async detected(violation: ViolationDetected): Promise<void> {
    await retryUpsert(() =>
      this.collection.updateOne(
        { _id: violation.violationId },
        { $setOnInsert: { ...violation, status: 'open' } },
        { upsert: true },
      ),
    );
  }

  async write(alert: AlertDocument): Promise<void> {
    await retryUpsert(() =>
      this.collection.replaceOne({ _id: alert._id }, alert, { upsert: true }),
    );
  }
}
