import type {
  CheckData,
  IssueCategory,
  Participant,
  SessionOutcome,
  VisitType,
} from './session.events';

/** FHIR R4 Encounter.status follows from it (see the Encounter view). */
export type SessionStatus = 'scheduled' | 'in-progress' | 'ended';

export interface JoinLink {
  readonly linkId: string;
  readonly participantId: string;
  readonly expiresAt: string;
  readonly revoked: boolean;
}

/** Where one participant is in the visit. */
export interface Presence {
  readonly present: boolean;
  readonly joins: number;
  readonly drops: number;
  readonly audioOnly: boolean;
}

/** Running sums of one participant's quality samples; averages are derived at the end. */
export interface QualityTally {
  readonly samples: number;
  readonly mosSum: number;
  readonly minMos: number;
  readonly lossSum: number;
  readonly rttSum: number;
  readonly poorSamples: number;
  /** The current rate window (see quality-sample-limits): when it started, samples in it. */
  readonly windowStartedAt?: string;
  readonly windowSamples: number;
}

export interface Issue {
  readonly issueId: string;
  readonly category: IssueCategory;
  readonly participantId?: string;
  readonly openedAt: string;
  readonly open: boolean;
  readonly assignedTo?: string;
}

/** A session that exists: created from a booked appointment. */
export interface Session {
  readonly status: SessionStatus;
  readonly sessionId: string;
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  readonly scheduledStart: string;
  readonly scheduledEnd: string;
  readonly participants: readonly Participant[];
  readonly links: readonly JoinLink[];
  readonly arrivedAt?: string;
  readonly admittedAt?: string;
  readonly startedAt?: string;
  readonly consentId?: string;
  /** The latest state the patient confirmed they are in, and when. */
  readonly patientLocation?: { readonly state: string; readonly confirmedAt: string };
  /** The consent the patient gave on the visit page, until compliance-audit records it. */
  readonly consentGivenAtJoin?: { readonly givenAt: string; readonly textVersion: string };
  /** The result of each participant's latest pre-visit check, by participantId. */
  readonly preVisitChecks?: Readonly<Record<string, CheckData['result']>>;
  readonly endedAt?: string;
  readonly outcome?: SessionOutcome;
  readonly presence: Readonly<Record<string, Presence>>;
  readonly quality: Readonly<Record<string, QualityTally>>;
  readonly issues: readonly Issue[];
  readonly surveyed: boolean;
}

/** `none` before SessionCreated: a union, so a session without an appointment cannot exist. */
export type SessionState = { readonly status: 'none' } | Session;

export const initialSessionState = (): SessionState => ({ status: 'none' });

export const absent: Presence = { present: false, joins: 0, drops: 0, audioOnly: false };

/** A participant's tally before their first sample. */
export const NO_SAMPLES: QualityTally = {
  samples: 0,
  mosSum: 0,
  minMos: 5,
  lossSum: 0,
  rttSum: 0,
  poorSamples: 0,
  windowSamples: 0,
};
