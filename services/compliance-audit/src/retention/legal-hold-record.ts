import { Principal } from '@thc/auth';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { HOLD_PLACED_TYPE, HOLD_RELEASED_TYPE } from '../audit-trail/domain/purge-rules';

export interface LegalHoldChange {
  readonly id: string;
  readonly placed: boolean;
  readonly patientId: string;
  readonly at: string;
  readonly by: Principal;
  /** The legal matter, when a hold is placed. */
  readonly matter?: string;
}

/**
 * The trail's record of a hold placed or released. Written here, field by field, rather than
 * mapped from an event: holds are not published, so the intake's mapping does not know their
 * type (and would keep none of their data), while verification needs the patient of each hold
 * to check that no purge emptied a held entry.
 */
export function legalHoldRecord(change: LegalHoldChange): AuditRecord {
  const actor = { kind: 'user', userId: change.by.subject, role: change.by.roles[0] ?? 'admin' };
  return {
    eventId: change.id,
    type: change.placed ? HOLD_PLACED_TYPE : HOLD_RELEASED_TYPE,
    source: '/thc/compliance-audit',
    subject: `legal-hold-${change.patientId}`,
    action: change.placed ? 'C' : 'D',
    outcome: '0',
    actor: { kind: 'user', id: actor.userId, role: actor.role },
    patientId: change.patientId,
    resource: { type: 'Basic', id: change.patientId },
    service: 'compliance-audit',
    occurredAt: change.at,
    phiAccess: false,
    data: change.placed
      ? { patientId: change.patientId, matter: change.matter, placedAt: change.at, placedBy: actor }
      : { patientId: change.patientId, releasedAt: change.at, releasedBy: actor },
  };
}
