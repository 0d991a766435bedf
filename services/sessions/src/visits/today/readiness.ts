import { consentWanted } from '../domain/consent-at-join.decider';
import type { StaffCredential } from '../domain/provider-qualification';
import type { ConsentStanding } from '../domain/session.commands';
import type { Session } from '../domain/session.state';

export type ConsentReadiness = 'on-record' | 'missing';
export type CredentialReadiness = 'current' | 'expiring' | 'expired' | 'missing';

/** Something a visit lacks, as a coordinator acts on it: what it is, and whom to ask. */
export interface MissingItem {
  readonly what: string;
  readonly ask: string;
}

/** Whether a visit can run: the patient's consent and the provider's telehealth credential. */
export interface Readiness {
  readonly ready: boolean;
  readonly consent: ConsentReadiness;
  readonly credential: CredentialReadiness;
  readonly missing: readonly MissingItem[];
}

/** What the read models know of the visit's patient and provider. */
export interface ReadinessFacts {
  /** The patient's consent standing at the visit's moment (see `readinessMoment`). */
  readonly consent: ConsentStanding;
  readonly credential?: StaffCredential;
  readonly providerName?: string;
  /** The clinic's zone, in which dates are written. */
  readonly timeZone: string;
}

/** A credential that ends within this many days of the visit is flagged for renewal. */
export const EXPIRING_WITHIN_DAYS = 30;

const ASK_FOR_CONSENT =
  'Ask the patient to consent on the visit page, or record their verbal consent';
const ASK_TRAINING_TO_RENEW = 'Ask the training team (trainer) to renew it, or transfer the visit';
const ASK_TRAINING_TO_CREDENTIAL =
  'Ask the training team (trainer) to credential them, or transfer the visit';

const CONSENT_GAP: Record<Exclude<ConsentStanding, { active: true }>['reason'], string> = {
  'consent-missing': 'No telehealth consent on record',
  'consent-revoked': 'The patient revoked their telehealth consent',
  'consent-expired': "The patient's telehealth consent has expired",
};

/**
 * The moment consent and credential must hold: the start, once the visit started (both were
 * checked then); otherwise its scheduled start, or now once that has passed.
 */
export function readinessMoment(session: Session, now: Date): Date {
  if (session.startedAt) return new Date(session.startedAt);
  return new Date(Math.max(now.getTime(), Date.parse(session.scheduledStart)));
}

/** YYYY-MM-DD of an instant in a zone. */
function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

function credentialOf(
  credential: StaffCredential | undefined,
  { at, now }: { readonly at: Date; readonly now: Date },
  owner: string,
  timeZone: string,
): { readonly credential: CredentialReadiness; readonly missing?: MissingItem } {
  if (!credential)
    return {
      credential: 'missing',
      missing: {
        what: `${owner} has no telehealth credential on record`,
        ask: ASK_TRAINING_TO_CREDENTIAL,
      },
    };
  if (credential.status === 'lapsed') {
    const verb = credential.cause === 'certification-revoked' ? 'was revoked' : 'expired';
    const when = credential.lapsedAt ? ` on ${dayIn(credential.lapsedAt, timeZone)}` : '';
    return {
      credential: 'expired',
      missing: {
        what: `${owner}'s telehealth credential ${verb}${when}`,
        ask: ASK_TRAINING_TO_RENEW,
      },
    };
  }
  const endsAt = Date.parse(credential.validUntil);
  const day = dayIn(credential.validUntil, timeZone);
  if (endsAt <= at.getTime()) {
    const tense =
      endsAt <= now.getTime() ? `expired on ${day}` : `expires on ${day}, before the visit`;
    return {
      credential: 'expired',
      missing: { what: `${owner}'s telehealth credential ${tense}`, ask: ASK_TRAINING_TO_RENEW },
    };
  }
  const expiring = endsAt - at.getTime() <= EXPIRING_WITHIN_DAYS * 86_400_000;
  return { credential: expiring ? 'expiring' : 'current' };
}

/**
 * Whether the visit can run as booked, and what to do if not. The consent is on record when
 * compliance-audit holds an active one, or while one the patient gave on the visit page is on
 * its way there; a visit that started had both checked at its start.
 */
export function readinessOf(session: Session, facts: ReadinessFacts, now: Date): Readiness {
  const consentMissing = !session.consentId && consentWanted(session, facts.consent);
  const owner = facts.providerName ?? 'The provider';
  const at = readinessMoment(session, now);
  const credential = credentialOf(facts.credential, { at, now }, owner, facts.timeZone);
  const missing: MissingItem[] = [];
  if (consentMissing && !facts.consent.active)
    missing.push({ what: CONSENT_GAP[facts.consent.reason], ask: ASK_FOR_CONSENT });
  if (credential.missing) missing.push(credential.missing);
  return {
    ready: missing.length === 0,
    consent: consentMissing ? 'missing' : 'on-record',
    credential: credential.credential,
    missing,
  };
}
