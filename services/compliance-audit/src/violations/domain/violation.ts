import type { EventDataOf } from '@thc/contracts';
import { createHash } from 'node:crypto';

export type ViolationDetected = EventDataOf<'thc.compliance.ViolationDetected.v1'>;
export type ViolationRule = ViolationDetected['rule'];
export type Severity = ViolationDetected['severity'];

/** A rule's finding before it is recorded: which rule, about whom, shown by which entries. */
export interface Finding {
  readonly rule: ViolationRule;
  readonly severity: Severity;
  readonly patientId?: string;
  readonly actorId?: string;
  /** Event ids (audit entries) that show the violation; the first names the finding. */
  readonly evidenceEventIds: readonly [string, ...string[]];
  /** What makes the finding unique besides its first evidence (e.g. a burst's window). */
  readonly discriminator?: string;
}

/**
 * Deterministic id of a finding: the same rule on the same evidence is the same violation, so
 * a redelivered or re-evaluated event records nothing twice (UUID shape, version 5 style).
 */
export function violationId(finding: Finding): string {
  const key = `${finding.rule}|${finding.discriminator ?? finding.evidenceEventIds[0]}`;
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
