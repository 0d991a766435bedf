import { Injectable } from '@nestjs/common';
import { AuditChainWriter, AppendOutcome } from '../audit-trail/audit-chain.writer';
import { AuditedEvent, toAuditRecord } from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.store';
import { AccessChecks } from '../violations/access-checks';
import { SessionStartChecks } from '../violations/session-start-checks';
import { ViolationAlertProjection } from '../violations/violation-alert.projection';
import { StaffCredentialStates } from '../violations/staff-credentials.store';

const hasPatient = (event: AuditedEvent): boolean =>
  typeof event.data === 'object' && event.data !== null && 'patientId' in event.data;

/**
 * What happens to every consumed event, in an order that survives a crash at any step:
 * learn the links it carries (idempotent upserts), chain it into the trail (idempotent by event
 * id), then judge it (findings have deterministic ids) and bring a reviewed violation's alert up
 * to date (written from its whole stream). A batch that fails is redelivered and
 * every step finds its work already done.
 */
@Injectable()
export class AuditIntake {
  constructor(
    private readonly links: CareLinks,
    private readonly credentials: StaffCredentialStates,
    private readonly writer: AuditChainWriter,
    private readonly accessChecks: AccessChecks,
    private readonly sessionStarts: SessionStartChecks,
    private readonly violationAlerts: ViolationAlertProjection,
  ) {}

  async ingest(events: readonly AuditedEvent[]): Promise<AppendOutcome> {
    await this.links.learn(events);
    await this.credentials.learn(events);
    const unnamed = events.filter((event) => !hasPatient(event));
    const links = await this.links.linksOfMany(unnamed);
    const linkOf = new Map(unnamed.map((event, i) => [event.id, links[i] ?? {}]));
    const records = events.map((event) => toAuditRecord(event, linkOf.get(event.id) ?? {}));
    const outcome = await this.writer.append(records);
    await this.accessChecks.enqueue(records);
    await this.sessionStarts.enqueue(events);
    await this.violationAlerts.refreshFrom(events);
    return outcome;
  }
}
