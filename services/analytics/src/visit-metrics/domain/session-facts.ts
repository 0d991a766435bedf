import type { EventDataOf } from '@thc/contracts';
import type { EventFact, FactsOfEvents, VisitFact } from './event-facts';
import { binKey, binOf, HISTOGRAMS } from './histogram';
import { meanOpinionScore } from './mean-opinion-score';

const visit = (appointmentId: string, fact: VisitFact): readonly EventFact[] => [
  { target: 'visit', appointmentId, fact },
];
/** For events that name only the session: the projection finds its visit by the session's link. */
const ofSession = (sessionId: string, fact: VisitFact): readonly EventFact[] => [
  { target: 'visit-of-session', sessionId, fact },
];

function created(data: EventDataOf<'thc.sessions.SessionCreated.v1'>): readonly EventFact[] {
  return visit(data.appointmentId, {
    kind: 'session-created',
    sessionId: data.sessionId,
    clinicId: data.clinicId,
    providerId: data.providerId,
    visitType: data.visitType,
    start: new Date(data.scheduledStart),
    end: new Date(data.scheduledEnd),
  });
}

function ended(data: EventDataOf<'thc.sessions.SessionEnded.v1'>): readonly EventFact[] {
  return visit(data.appointmentId, {
    kind: 'session-ended',
    outcome: data.outcome,
    ...(data.startedAt ? { startedAt: new Date(data.startedAt) } : {}),
    endedAt: new Date(data.endedAt),
  });
}

function sampled(
  data: EventDataOf<
    'thc.sessions.ConnectionQualitySampled.v1' | 'thc.sessions.ConnectionQualitySampled.v2'
  >,
): readonly EventFact[] {
  const mos = meanOpinionScore(data);
  // In thousandths, like every sum (see visit-contribution.ts): exact in any order.
  const mosMilli = Math.round(mos * 1000);
  const bin = binKey(HISTOGRAMS.mos, binOf(HISTOGRAMS.mos, mos));
  return ofSession(data.sessionId, { kind: 'connection-sampled', mosMilli, bin });
}

function surveyed(data: EventDataOf<'thc.sessions.SurveySubmitted.v1'>): readonly EventFact[] {
  return ofSession(data.sessionId, {
    kind: 'surveyed',
    byPatient: data.role === 'patient',
    satisfaction: data.satisfaction,
    nps: data.nps,
  });
}

/** What the sessions topic tells the visit metrics: the visit as it happened. */
export const SESSION_FACTS = {
  'thc.sessions.SessionCreated.v1': created,
  'thc.sessions.PatientArrivedInWaitingRoom.v1': (data) =>
    visit(data.appointmentId, { kind: 'arrived', at: new Date(data.arrivedAt) }),
  'thc.sessions.PatientAdmitted.v1': (data) =>
    ofSession(data.sessionId, { kind: 'admitted', at: new Date(data.admittedAt) }),
  'thc.sessions.ParticipantJoined.v1': (data) =>
    data.role === 'provider'
      ? ofSession(data.sessionId, { kind: 'provider-joined', at: new Date(data.joinedAt) })
      : [],
  'thc.sessions.SessionStarted.v1': (data) =>
    visit(data.appointmentId, { kind: 'session-started', at: new Date(data.startedAt) }),
  'thc.sessions.SessionEnded.v1': ended,
  'thc.sessions.PreVisitCheckRecorded.v1': (data) =>
    ofSession(data.sessionId, { kind: 'check', failed: data.result === 'failed' }),
  'thc.sessions.SwitchedToAudioOnly.v1': (data) =>
    ofSession(data.sessionId, { kind: 'audio-only', at: new Date(data.switchedAt) }),
  'thc.sessions.ConnectionQualitySampled.v1': sampled,
  'thc.sessions.ConnectionQualitySampled.v2': sampled,
  'thc.sessions.TechnicalIssueOpened.v1': (data) =>
    ofSession(data.sessionId, {
      kind: 'issue-opened',
      issueId: data.issueId,
      at: new Date(data.openedAt),
    }),
  'thc.sessions.TechnicalIssueResolved.v1': (data) =>
    ofSession(data.sessionId, {
      kind: 'issue-resolved',
      issueId: data.issueId,
      at: new Date(data.resolvedAt),
    }),
  'thc.sessions.SurveySubmitted.v1': surveyed,
} as const satisfies FactsOfEvents;
