import { Inject, Injectable } from '@nestjs/common';
import { AuditChainWriter, AppendOutcome } from '../audit-trail/audit-chain.writer';
import {
  AuditedEvent,
  isKnownEventType,
  toAuditRecord,
} from '../audit-trail/domain/event-to-audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { StaffDirectory } from '../directory/staff-directory.projection';
import { AccessChecks } from '../violations/access-checks';
import { ClinicScopeChecks } from '../violations/clinic-scope-checks';
import { SessionStartChecks } from '../violations/session-start-checks';
import { TransferChecks } from '../violations/transfer-checks';
import { ViolationAlertRefresher } from '../violations/violation-alert.refresher';
import { StaffCredentialStates } from '../violations/staff-credentials.projection';
import { AuditQuarantine } from './audit-quarantine.projection';
import { KafkaPosition, quarantineOf } from './quarantined-event';
import { Clock, CLOCK } from '@thc/service-runtime';

/** An event as intake receives it: the consumer adds where in Kafka it was read. */
export type IntakeEvent = AuditedEvent & KafkaPosition;

const hasPatient = (event: AuditedEvent): boolean =>
  typeof event.data === 'object' && event.data !== null && 'patientId' in event.data;

/**
 * What happens to every consumed event, in an order that survives a crash at any step:
 * quarantine the events of types this service does not know (idempotent by event id; only
 * their id, type, source and Kafka position, never their data), learn the links and the
 * directory records the known ones carry (idempotent upserts), chain every event into the trail (idempotent by event id; an
 * unknown type by id, type and source only), then judge the known ones (findings have
 * deterministic ids) and bring a reviewed violation's alert up to date (written from its whole
 * stream). A batch that fails is redelivered and every step finds its work already done.
 */
@Injectable()
export class AuditIntake {
  constructor(
    private readonly links: CareLinks,
    private readonly credentials: StaffCredentialStates,
    private readonly directory: StaffDirectory,
    private readonly writer: AuditChainWriter,
    private readonly accessChecks: AccessChecks,
    private readonly sessionStarts: SessionStartChecks,
    private readonly clinicScope: ClinicScopeChecks,
    private readonly transfers: TransferChecks,
    private readonly violationAlerts: ViolationAlertRefresher,
    private readonly quarantine: AuditQuarantine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ingest(events: readonly IntakeEvent[]): Promise<AppendOutcome> {
    const known = events.filter((event) => isKnownEventType(event.type));
    if (known.length < events.length) {
      const at = this.clock();
      await this.quarantine.hold(
        events.filter((event) => !isKnownEventType(event.type)).map((e) => quarantineOf(e, at)),
      );
    }
    await this.links.learn(known);
    await this.credentials.learn(known);
    await this.directory.learn(known);
    const unnamed = known.filter((event) => !hasPatient(event));
    const links = await this.links.linksOfMany(unnamed);
    const linkOf = new Map(unnamed.map((event, i) => [event.id, links[i] ?? {}]));
    const records = events.map((event) => toAuditRecord(event, linkOf.get(event.id) ?? {}));
    const outcome = await this.writer.append(records);
    await this.accessChecks.enqueue(records);
    await this.clinicScope.enqueue(records);
    await this.sessionStarts.enqueue(known);
    await this.transfers.enqueue(known);
    await this.violationAlerts.refreshFrom(known);
    return outcome;
  }
}
