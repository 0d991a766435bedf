import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { assertValidEvent } from '@thc/contracts';
import { ConcurrencyError, MongoEventStore } from '@thc/event-store';
import { Connection, mongo } from 'mongoose';
import { retryUpsert } from '../shared/retry-upsert';
import { Finding, ViolationDetected, violationId } from './domain/violation';

const DETECTED = 'thc.compliance.ViolationDetected.v1';

export type AlertDocument = ViolationDetected & { _id: string; status: 'open' };

/**
 * Records a finding once: a ViolationDetected event in the violation's own stream (published on
 * thc.compliance.v1 by the outbox relay, and so also chained into the audit trail), and an alert
 * in the list auditors work from. The id is derived from the finding, so a finding judged
 * twice (redelivery, two instances) is the same stream and is refused the second time.
 */
@Injectable()
export class ViolationRecorder {
  readonly alerts: mongo.Collection<AlertDocument>;

  constructor(
    private readonly store: MongoEventStore,
    @InjectConnection() connection: Connection,
  ) {
    this.alerts = connection.collection<AlertDocument>('violation_alerts');
  }

  async record(finding: Finding, detectedAt: string): Promise<ViolationDetected> {
    const violation: ViolationDetected = {
      violationId: violationId(finding),
      rule: finding.rule,
      severity: finding.severity,
      ...(finding.patientId ? { patientId: finding.patientId } : {}),
      ...(finding.actorId ? { actorId: finding.actorId } : {}),
      evidenceEventIds: [...new Set(finding.evidenceEventIds)],
      detectedAt,
    };
    assertValidEvent(DETECTED, violation);
    try {
      await this.store.append(`violation-${violation.violationId}`, 0, [
        { type: DETECTED, data: violation, metadata: { actor: 'compliance-audit' } },
      ]);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    // Written after the event, as an upsert: a crash in between is repaired by the next judgement.
    await retryUpsert(() =>
      this.alerts.updateOne(
        { _id: violation.violationId },
        { $setOnInsert: { ...violation, status: 'open' } },
        { upsert: true },
      ),
    );
    return violation;
  }
}
