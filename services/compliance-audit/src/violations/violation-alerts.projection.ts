import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { retryUpsert } from '../retry-upsert';
import { ViolationDetected } from './domain/violation';
import { ViolationAcknowledged } from './domain/violation-review.events';
import { ViolationStatus } from './domain/violation-review.state';
import { ViolationClinics } from './violation-clinics';

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
  /** The clinics it belongs to (see ViolationClinics); absent on alerts written before. */
  readonly clinicIds?: readonly string[];
};

/**
 * The alert list auditors work from: one document per violation, a projection of its stream
 * (detection, then acknowledgement and resolution), filterable by rule, status and period.
 */
@Injectable()
export class ViolationAlerts implements OnModuleInit {
  readonly collection: mongo.Collection<AlertDocument>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly clinics: ViolationClinics,
  ) {
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
    const clinicIds = await this.clinics.of(violation);
    await retryUpsert(() =>
      this.collection.updateOne(
        { _id: violation.violationId },
        { $setOnInsert: { ...violation, status: 'open', clinicIds } },
        { upsert: true },
      ),
    );
  }

  /** The whole alert; its clinics are those of its patient or staff member as known now. */
  async write(alert: AlertDocument): Promise<AlertDocument> {
    const written = { ...alert, clinicIds: await this.clinics.of(alert) };
    await retryUpsert(() =>
      this.collection.replaceOne({ _id: alert._id }, written, { upsert: true }),
    );
    return written;
  }

  /** The clinics of a violation's alert, or undefined when there is no alert of that id. */
  async clinicsOf(violationId: string): Promise<readonly string[] | undefined> {
    const alert = await this.collection.findOne(
      { _id: violationId },
      { projection: { clinicIds: 1 } },
    );
    return alert ? (alert.clinicIds ?? []) : undefined;
  }
}
