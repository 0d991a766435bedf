import { estimatedMos } from '@thc/contracts';
import { windowAfter } from './quality-sample-limits';
import { SESSION_EVENT as E, SessionEvent, SessionEventOf } from './session.events';
import { absent, NO_SAMPLES, Presence, QualityTally, Session, SessionState } from './session.state';

function withPresence(
  session: Session,
  participantId: string,
  change: (presence: Presence) => Presence,
): Session {
  const presence = change(session.presence[participantId] ?? absent);
  return { ...session, presence: { ...session.presence, [participantId]: presence } };
}

function withIssue(session: Session, issueId: string, change: Partial<Session['issues'][number]>) {
  return {
    ...session,
    issues: session.issues.map((issue) =>
      issue.issueId === issueId ? { ...issue, ...change } : issue,
    ),
  };
}

type Folds = {
  readonly [T in Exclude<SessionEvent['type'], typeof E.created>]: (
    session: Session,
    event: Extract<SessionEvent, { type: T }>,
  ) => Session;
};

/** How each event after the first changes a session, one small fold per type. */
const folds: Folds = {
  [E.rescheduled]: (session, event) => {
    const { providerId, scheduledStart, scheduledEnd } = event.data;
    const participants = session.participants.map((p) =>
      p.role === 'provider' ? { ...p, participantId: providerId } : p,
    );
    return { ...session, providerId, scheduledStart, scheduledEnd, participants };
  },
  [E.interpreterChanged]: (session, event) => {
    const interpreter = { participantId: event.data.interpreterId, role: 'interpreter' as const };
    const others = session.participants.filter((p) => p.role !== 'interpreter');
    return { ...session, participants: [...others, interpreter] };
  },
  [E.transferred]: (session, event) => {
    const { toProviderId } = event.data;
    const participants = session.participants.map((p) =>
      p.role === 'provider' ? { ...p, participantId: toProviderId } : p,
    );
    return { ...session, providerId: toProviderId, participants };
  },
  [E.linkIssued]: (session, event) => {
    const { linkId, participantId, expiresAt } = event.data;
    return {
      ...session,
      links: [...session.links, { linkId, participantId, expiresAt, revoked: false }],
    };
  },
  [E.linkRevoked]: (session, event) => {
    return {
      ...session,
      links: session.links.map((link) =>
        link.linkId === event.data.linkId ? { ...link, revoked: true } : link,
      ),
    };
  },
  [E.arrived]: (session, event) => {
    return { ...session, arrivedAt: event.data.arrivedAt };
  },
  [E.admitted]: (session, event) => {
    return { ...session, admittedAt: event.data.admittedAt };
  },
  [E.joined]: (session, event) => {
    return withPresence(session, event.data.participantId, (p) => ({
      ...p,
      present: true,
      joins: p.joins + 1,
    }));
  },
  [E.left]: (session, event) => {
    return withPresence(session, event.data.participantId, (p) => ({
      ...p,
      present: false,
      drops: p.drops + (event.data.reason === 'disconnected' ? 1 : 0),
    }));
  },
  [E.audioOnly]: (session, event) => {
    return withPresence(session, event.data.participantId, (p) => ({ ...p, audioOnly: true }));
  },
  [E.sampled]: (session, event) => {
    const { participantId, band, packetLossPercent, rttMs } = event.data;
    const mos = event.data.mos ?? estimatedMos(event.data);
    const tally = session.quality[participantId] ?? NO_SAMPLES;
    const window = windowAfter(tally, event.data.sampledAt);
    const next: QualityTally = {
      windowStartedAt: window.startedAt,
      windowSamples: window.samples,
      samples: tally.samples + 1,
      mosSum: tally.mosSum + mos,
      minMos: Math.min(tally.minMos, mos),
      lossSum: tally.lossSum + packetLossPercent,
      rttSum: tally.rttSum + rttMs,
      poorSamples: tally.poorSamples + (band === 'poor' ? 1 : 0),
    };
    return { ...session, quality: { ...session.quality, [participantId]: next } };
  },
  [E.issueOpened]: (session, event) => {
    const { issueId, category, participantId, openedAt } = event.data;
    return {
      ...session,
      issues: [
        ...session.issues,
        { issueId, category, ...(participantId ? { participantId } : {}), openedAt, open: true },
      ],
    };
  },
  [E.issueAssigned]: (session, event) => {
    return withIssue(session, event.data.issueId, { assignedTo: event.data.coordinatorId });
  },
  [E.issueResolved]: (session, event) => {
    return withIssue(session, event.data.issueId, { open: false });
  },
  [E.locationConfirmed]: (session, event) => {
    return {
      ...session,
      patientLocation: { state: event.data.state, confirmedAt: event.data.confirmedAt },
    };
  },
  [E.consentGivenAtJoin]: (session, event) => {
    const { givenAt, textVersion } = event.data;
    return { ...session, consentGivenAtJoin: { givenAt, textVersion } };
  },
  [E.started]: (session, event) => {
    return {
      ...session,
      status: 'in-progress',
      startedAt: event.data.startedAt,
      consentId: event.data.consentId,
    };
  },
  [E.ended]: (session, event) => {
    return {
      ...session,
      status: 'ended',
      endedAt: event.data.endedAt,
      outcome: event.data.outcome,
    };
  },
  [E.surveyed]: (session) => {
    return { ...session, surveyed: true };
  },
  [E.checkRecorded]: (session, event) => {
    const { participantId, result } = event.data;
    return { ...session, preVisitChecks: { ...session.preVisitChecks, [participantId]: result } };
  },
  [E.startRefused]: (session) => {
    return session;
  },
  [E.linkDeliveryRequested]: (session) => {
    // A delivery changes nothing the session decides on: the link was issued just before.
    return session;
  },
};

function created(event: SessionEventOf<typeof E.created>): Session {
  const { createdAt: _, ...data } = event.data;
  return {
    status: 'scheduled',
    ...data,
    links: [],
    presence: {},
    quality: {},
    issues: [],
    surveyed: false,
  };
}

/** Folds one event into the session; events are facts, so nothing here refuses. */
export function evolve(state: SessionState, event: SessionEvent): SessionState {
  if (event.type === E.created) return created(event);
  if (state.status === 'none') return state;
  const fold = folds[event.type] as (session: Session, event: SessionEvent) => Session;
  return fold(state, event);
}
