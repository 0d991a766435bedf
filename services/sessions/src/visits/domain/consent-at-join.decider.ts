import type { ConsentStanding, GiveConsentAtJoin } from './session.commands';
import { SessionRuleError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { notEnded, participantOf } from './session.guards';
import type { Session, SessionState } from './session.state';

/**
 * Whether a consent given now is recorded: not while one is on record, nor while the one given
 * here before is still on its way to compliance-audit (the read model knows of none yet).
 */
export function consentWanted(session: Session, consent: ConsentStanding): boolean {
  if (consent.active) return false;
  return !(session.consentGivenAtJoin && consent.reason === 'consent-missing');
}

/**
 * The patient consents on the visit page. Only the session's patient, and only before the visit
 * ended, and only when wanted (see consentWanted): a second tap, a retried request or a second
 * device changes nothing. Once compliance has recorded a revocation or an expiry, the patient
 * may consent again.
 */
export function giveConsentAtJoin(command: GiveConsentAtJoin, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'give consent in');
  if (participantOf(session, command.participantId).role !== 'patient')
    throw new SessionRuleError('only the patient may consent to their visit');
  if (!consentWanted(session, command.consent)) return [];
  return [
    {
      type: E.consentGivenAtJoin,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        patientId: session.patientId,
        clinicId: session.clinicId,
        scope: 'telehealth',
        givenAt: command.at,
        method: 'join-link',
        textVersion: command.textVersion,
        ...(command.language ? { language: command.language } : {}),
        givenBy: { kind: 'user', userId: session.patientId, role: 'patient' },
      },
    },
  ];
}
