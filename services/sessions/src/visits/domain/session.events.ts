import type { EventDataOf, StreamEvents } from '@thc/contracts';

/** The session stream's events, exactly as the contracts registry declares them. */
export const SESSION_EVENT = {
  created: 'thc.sessions.SessionCreated.v1',
  rescheduled: 'thc.sessions.SessionRescheduled.v1',
  interpreterChanged: 'thc.sessions.SessionInterpreterChanged.v1',
  linkIssued: 'thc.sessions.JoinLinkIssued.v1',
  linkRevoked: 'thc.sessions.JoinLinkRevoked.v1',
  linkDeliveryRequested: 'thc.sessions.JoinLinkDeliveryRequested.v1',
  checkRecorded: 'thc.sessions.PreVisitCheckRecorded.v1',
  locationConfirmed: 'thc.sessions.PatientLocationConfirmed.v1',
  consentGivenAtJoin: 'thc.sessions.ConsentGivenAtJoin.v1',
  arrived: 'thc.sessions.PatientArrivedInWaitingRoom.v1',
  admitted: 'thc.sessions.PatientAdmitted.v1',
  joined: 'thc.sessions.ParticipantJoined.v1',
  left: 'thc.sessions.ParticipantLeft.v1',
  sampled: 'thc.sessions.ConnectionQualitySampled.v2',
  audioOnly: 'thc.sessions.SwitchedToAudioOnly.v1',
  issueOpened: 'thc.sessions.TechnicalIssueOpened.v1',
  issueAssigned: 'thc.sessions.TechnicalIssueAssigned.v1',
  issueResolved: 'thc.sessions.TechnicalIssueResolved.v1',
  transferred: 'thc.sessions.ProviderTransferred.v1',
  started: 'thc.sessions.SessionStarted.v1',
  startRefused: 'thc.sessions.SessionStartRefused.v1',
  ended: 'thc.sessions.SessionEnded.v1',
  surveyed: 'thc.sessions.SurveySubmitted.v1',
} as const;

type SessionEventType = (typeof SESSION_EVENT)[keyof typeof SESSION_EVENT];
type Events = StreamEvents<typeof SESSION_EVENT>;

export type SessionEvent = Events[keyof Events];
export type SessionEventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;

export type SessionCreated = Events['created'];
export type Actor = EventDataOf<typeof SESSION_EVENT.started>['startedBy'];
export type Participant = SessionCreated['data']['participants'][number];
export type ParticipantRole = Participant['role'];
export type VisitType = SessionCreated['data']['visitType'];
export type SessionOutcome = EventDataOf<typeof SESSION_EVENT.ended>['outcome'];
export type IssueCategory = EventDataOf<typeof SESSION_EVENT.issueOpened>['category'];
export type IssueOutcome = EventDataOf<typeof SESSION_EVENT.issueResolved>['outcome'];
export type TroubleshootingStep = EventDataOf<typeof SESSION_EVENT.issueResolved>['steps'][number];
export type CheckData = EventDataOf<typeof SESSION_EVENT.checkRecorded>;
export type ParticipantQuality = NonNullable<
  EventDataOf<typeof SESSION_EVENT.ended>['participantQuality']
>[number];
export type SealedText = NonNullable<EventDataOf<typeof SESSION_EVENT.surveyed>['comment']>;
export type RefusalReason = EventDataOf<typeof SESSION_EVENT.startRefused>['reason'];

export const sessionStreamId = (sessionId: string): string => `session-${sessionId}`;
