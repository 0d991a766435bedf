import { Finding } from './violation';

/** A session start as the trail saw it, with the patient and provider learnt from SessionCreated. */
export interface SessionStart {
  readonly eventId: string;
  readonly sessionId: string;
  readonly startedAt: string;
  readonly patientId?: string;
  readonly providerId?: string;
}

/** The patient's telehealth consent at the start: in force, or what ended it (if recorded). */
export type ConsentAtStart =
  { readonly inForce: true } | { readonly inForce: false; readonly endedByEventId?: string };

/** The provider's credential at the start, from training's credential events. */
export type CredentialAtStart =
  | { readonly status: 'current' | 'unknown' }
  | { readonly status: 'lapsed'; readonly lapsedEventId: string };

/** A visit started without the patient's consent, or by a provider whose credential lapsed. */
export function judgeSessionStart(
  start: SessionStart,
  consent: ConsentAtStart,
  credential: CredentialAtStart,
): Finding[] {
  const findings: Finding[] = [];
  if (start.patientId && !consent.inForce)
    findings.push({
      rule: 'session-without-consent',
      severity: 'critical',
      patientId: start.patientId,
      ...(start.providerId ? { actorId: start.providerId } : {}),
      evidenceEventIds: [
        start.eventId,
        ...(consent.endedByEventId ? [consent.endedByEventId] : []),
      ],
    });
  if (credential.status === 'lapsed' && start.providerId)
    findings.push({
      rule: 'visit-with-lapsed-credential',
      severity: 'high',
      actorId: start.providerId,
      ...(start.patientId ? { patientId: start.patientId } : {}),
      evidenceEventIds: [start.eventId, credential.lapsedEventId],
    });
  return findings;
}
