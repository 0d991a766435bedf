import type {
  Actor,
  IssueCategory,
  IssueOutcome,
  Participant,
  ParticipantRole,
  RefusalReason,
  SealedText,
  TroubleshootingStep,
  VisitType,
} from './session.events';
import type { Checked, ProviderStanding, StateLicence } from './provider-qualification';

/*
 * Commands carry everything the decider needs, including the time (`at`, RFC 3339) and the ids
 * of what they create (issue, survey): the decider reads no clock, no env, no random source.
 */

export interface CreateSession {
  readonly type: 'CreateSession';
  readonly sessionId: string;
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: VisitType;
  readonly start: string;
  readonly end: string;
  readonly participants: readonly Participant[];
  /** The links issued with the session, each to be delivered to its participant before the visit. */
  readonly links?: readonly LinkToDeliver[];
  readonly at: string;
}

/**
 * A join link to hand to the notifications service: the signed URL, sealed under the patient's
 * key (record `Session`, field `joinLink`) before the command, so the decider never sees a link.
 */
export interface LinkToDeliver {
  readonly linkId: string;
  readonly participantId: string;
  readonly expiresAt: string;
  readonly link: SealedText;
}

export interface MoveSession {
  readonly type: 'MoveSession';
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  /** The interpreter held for the new time, when the appointment had to switch to another. */
  readonly interpreterId?: string;
  /** New links for the participants the move leaves without one, for the new time. */
  readonly links?: readonly LinkToDeliver[];
  readonly at: string;
}

/** An interpreter drawn on demand for the appointment: they take part in the visit. */
export interface AssignSessionInterpreter {
  readonly type: 'AssignSessionInterpreter';
  readonly interpreterId: string;
  /** The new interpreter's link, to be delivered to them. */
  readonly links?: readonly LinkToDeliver[];
  readonly at: string;
}

/** The appointment was cancelled: the session closes and its links stop working. */
export interface CloseSession {
  readonly type: 'CloseSession';
  readonly at: string;
  readonly by: Actor;
}

export interface IssueJoinLink {
  readonly type: 'IssueJoinLink';
  readonly linkId: string;
  readonly participantId: string;
  readonly expiresAt: string;
  /** Present when the participant is to be sent the link now: the URL, sealed. */
  readonly sendNow?: { readonly link: SealedText };
  readonly at: string;
  readonly by: Actor;
}

export interface RevokeJoinLink {
  readonly type: 'RevokeJoinLink';
  readonly linkId: string;
  readonly at: string;
  readonly by: Actor;
}

export type CheckResult = 'pass' | 'warn' | 'fail' | 'skipped';

export interface RecordPreVisitCheck {
  readonly type: 'RecordPreVisitCheck';
  readonly participantId: string;
  readonly checks: {
    readonly camera: CheckResult;
    readonly microphone: CheckResult;
    readonly speaker: CheckResult;
    readonly network: CheckResult;
  };
  readonly network?: {
    readonly downlinkKbps: number;
    readonly uplinkKbps: number;
    readonly rttMs: number;
  };
  readonly client: {
    readonly device: 'desktop' | 'mobile' | 'tablet';
    readonly browser: 'chrome' | 'edge' | 'firefox' | 'safari' | 'other';
  };
  /** Id of the issue opened when the check fails. */
  readonly issueId: string;
  readonly at: string;
}

/**
 * Which device presents a link, as the join-link device store knows it: the one the link was
 * first exchanged on (`bound-here`), another one (`bound-elsewhere`), or a link never
 * exchanged yet (`unbound`, also what an absent value means).
 */
export type LinkDevice = 'bound-here' | 'bound-elsewhere' | 'unbound';

/** A participant presents a valid link: the patient waits until admitted, others join. */
export interface JoinVisit {
  readonly type: 'JoinVisit';
  readonly linkId: string;
  readonly device?: LinkDevice;
  readonly media: 'video' | 'audio';
  readonly connection: 'browser' | 'app' | 'dial-in';
  readonly at: string;
}

export interface AdmitPatient {
  readonly type: 'AdmitPatient';
  readonly at: string;
  readonly by: Actor;
}

/** Why a start is refused for licensure: where the patient is, and who may practise there. */
export type LicensureRefusal = Extract<
  RefusalReason,
  'patient-location-unconfirmed' | 'provider-not-licensed-in-patient-state'
>;

/** What the consent read model said about the patient's telehealth consent. */
export type ConsentStanding =
  | { readonly active: true; readonly consentId: string }
  | {
      readonly active: false;
      readonly reason: Exclude<RefusalReason, 'session-closed' | LicensureRefusal>;
    };

export interface StartSession {
  readonly type: 'StartSession';
  readonly consent: ConsentStanding;
  /** The provider's state licences, from the directory. */
  readonly licences: Checked<readonly StateLicence[]>;
  readonly at: string;
  readonly by: Actor;
}

/** Where the patient is now, as they (or staff on their behalf) say: a USPS state code. */
export interface ConfirmPatientLocation {
  readonly type: 'ConfirmPatientLocation';
  readonly state: string;
  readonly at: string;
  readonly by: Actor;
}

/**
 * The patient accepts the telehealth consent text on the visit page, with their join link.
 * `consent` is what the consent read model says now: a consent on record needs no other.
 */
export interface GiveConsentAtJoin {
  readonly type: 'GiveConsentAtJoin';
  readonly participantId: string;
  readonly textVersion: string;
  /** The language of the text read, sealed under the patient's key; absent when unsealable. */
  readonly language?: SealedText;
  readonly consent: ConsentStanding;
  readonly at: string;
}

export interface LeaveVisit {
  readonly type: 'LeaveVisit';
  readonly participantId: string;
  readonly reason: 'left' | 'disconnected';
  /** Id of the issue opened when this drop is one too many. */
  readonly issueId: string;
  readonly at: string;
}

export interface RecordQualitySample {
  readonly type: 'RecordQualitySample';
  readonly participantId: string;
  readonly rttMs: number;
  readonly jitterMs: number;
  readonly packetLossPercent: number;
  readonly bitrateKbps: number;
  readonly mos?: number;
  readonly at: string;
}

export interface SwitchToAudioOnly {
  readonly type: 'SwitchToAudioOnly';
  readonly participantId: string;
  readonly trigger: 'poor-connection' | 'device-failure' | 'participant-choice';
  readonly at: string;
}

export interface OpenTechnicalIssue {
  readonly type: 'OpenTechnicalIssue';
  readonly issueId: string;
  readonly category: IssueCategory;
  readonly participantId?: string;
  readonly description?: SealedText;
  readonly device?: RecordPreVisitCheck['client']['device'];
  readonly browser?: RecordPreVisitCheck['client']['browser'];
  /** `failed-join`: the participant's client could not connect to the room. */
  readonly trigger?: 'reported' | 'failed-join';
  readonly at: string;
  readonly by: Actor;
}

export interface AssignTechnicalIssue {
  readonly type: 'AssignTechnicalIssue';
  readonly issueId: string;
  readonly coordinatorId: string;
  readonly at: string;
  readonly by: Actor;
}

export interface ResolveTechnicalIssue {
  readonly type: 'ResolveTechnicalIssue';
  readonly issueId: string;
  readonly outcome: IssueOutcome;
  readonly steps: readonly TroubleshootingStep[];
  readonly at: string;
  readonly by: Actor;
}

export type EndOutcome =
  'completed' | 'ended-technical-failure' | 'patient-no-show' | 'provider-no-show';

export interface EndSession {
  readonly type: 'EndSession';
  readonly outcome: EndOutcome;
  readonly at: string;
  readonly by: Actor;
}

/** The visit goes on with another provider. */
export interface TransferProvider {
  readonly type: 'TransferProvider';
  readonly toProviderId: string;
  /** The incoming provider's credential and licences, from the read models. */
  readonly incoming: ProviderStanding;
  readonly at: string;
  readonly by: Actor;
}

export interface SubmitSurvey {
  readonly type: 'SubmitSurvey';
  readonly surveyId: string;
  readonly participantId: string;
  readonly overall: number;
  readonly wouldRecommend: number;
  readonly technicalQuality?: number;
  readonly comment?: SealedText;
  readonly at: string;
}

export type SessionCommand =
  | CreateSession
  | MoveSession
  | AssignSessionInterpreter
  | CloseSession
  | IssueJoinLink
  | RevokeJoinLink
  | RecordPreVisitCheck
  | JoinVisit
  | AdmitPatient
  | StartSession
  | ConfirmPatientLocation
  | GiveConsentAtJoin
  | LeaveVisit
  | RecordQualitySample
  | SwitchToAudioOnly
  | OpenTechnicalIssue
  | AssignTechnicalIssue
  | ResolveTechnicalIssue
  | EndSession
  | TransferProvider
  | SubmitSurvey;

export type { ParticipantRole };
