import { Injectable } from '@nestjs/common';
import { mongo } from 'mongoose';
import { Finding, ViolationDetected, violationId } from './domain/violation';
import { AlertDocument, ViolationAlerts } from './violation-alerts.projection';
import { ViolationRepository } from './violation.repository';

/**
 * Records a finding once: a ViolationDetected event in the violation's own stream (published on
 * thc.compliance.v1 by the outbox relay, and so also chained into the audit trail), and an alert
 * in the list auditors work from. The id is derived from the finding, so a finding judged
 * twice (redelivery, two instances) is the same stream and is refused the second time.
 */
@Injectable()
export class ViolationRecorder {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly alertList: ViolationAlerts,
  ) {}

  get alerts(): mongo.Collection<AlertDocument> {
    return this.alertList.collection;
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
    await this.violations.detect(violation);
    // Written after the event, also when the finding was recorded before: an upsert that keeps
    // what the officer did, so a crash in between is repaired by the next judgement.
    await this.alertList.detected(violation);
    return violation;
  }
}
