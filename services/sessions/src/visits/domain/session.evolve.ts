import { estimatedMos } from '@thc/contracts';
import { windowAfter } from './quality-sample-limits';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
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

/** Folds one event into the session; events are facts, so nothing here refuses. */
export function evolve(state: SessionState, event: SessionEvent): SessionState {
  if (event.type === E.created) {
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
  if (state.status === 'none') return state;
  switch (event.type) {
    case E.rescheduled: {
      const { providerId, scheduledStart, scheduledEnd } = event.data;
      const participants = state.participants.map((p) =>
        p.role === 'provider' ? { ...p, participantId: providerId } : p,
      );
      return { ...state, providerId, scheduledStart, scheduledEnd, participants };
    }
    case E.interpreterChanged: {
      const interpreter = { participantId: event.data.interpreterId, role: 'interpreter' as const };
      const others = state.participants.filter((p) => p.role !== 'interpreter');
      return { ...state, participants: [...others, interpreter] };
    }
    case E.transferred: {
      const { toProviderId } = event.data;
      const participants = state.participants.map((p) =>
        p.role === 'provider' ? { ...p, participantId: toProviderId } : p,
      );
      return { ...state, providerId: toProviderId, participants };
    }
    case E.linkIssued: {
      const { linkId, participantId, expiresAt } = event.data;
      return {
        ...state,
        links: [...state.links, { linkId, participantId, expiresAt, revoked: false }],
      };
    }
    case E.linkRevoked:
      return {
        ...state,
        links: state.links.map((link) =>
          link.linkId === event.data.linkId ? { ...link, revoked: true } : link,
        ),
      };
    case E.arrived:
      return { ...state, arrivedAt: event.data.arrivedAt };
    case E.admitted:
      return { ...state, admittedAt: event.data.admittedAt };
    case E.joined:
      return withPresence(state, event.data.participantId, (p) => ({
        ...p,
        present: true,
        joins: p.joins + 1,
      }));
    case E.left:
      return withPresence(state, event.data.participantId, (p) => ({
        ...p,
        present: false,
        drops: p.drops + (event.data.reason === 'disconnected' ? 1 : 0),
      }));
    case E.audioOnly:
      return withPresence(state, event.data.participantId, (p) => ({ ...p, audioOnly: true }));
    case E.sampled: {
      const { participantId, band, packetLossPercent, rttMs } = event.data;
      const mos = event.data.mos ?? estimatedMos(event.data);
      const tally = state.quality[participantId] ?? NO_SAMPLES;
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
      return { ...state, quality: { ...state.quality, [participantId]: next } };
    }
    case E.issueOpened: {
      const { issueId, category, participantId, openedAt } = event.data;
      return {
        ...state,
        issues: [
          ...state.issues,
          { issueId, category, ...(participantId ? { participantId } : {}), openedAt, open: true },
        ],
      };
    }
    case E.issueAssigned:
      return withIssue(state, event.data.issueId, { assignedTo: event.data.coordinatorId });
    case E.issueResolved:
      return withIssue(state, event.data.issueId, { open: false });
    case E.locationConfirmed:
      return {
        ...state,
        patientLocation: { state: event.data.state, confirmedAt: event.data.confirmedAt },
      };
    case E.consentGivenAtJoin: {
      const { givenAt, textVersion } = event.data;
      return { ...state, consentGivenAtJoin: { givenAt, textVersion } };
    }
    case E.started:
      return {
        ...state,
        status: 'in-progress',
        startedAt: event.data.startedAt,
        consentId: event.data.consentId,
      };
    case E.ended:
      return {
        ...state,
        status: 'ended',
        endedAt: event.data.endedAt,
        outcome: event.data.outcome,
      };
    case E.surveyed:
      return { ...state, surveyed: true };
    case E.checkRecorded: {
      const { participantId, result } = event.data;
      return { ...state, preVisitChecks: { ...state.preVisitChecks, [participantId]: result } };
    }
    case E.startRefused:
      return state;
    case E.linkDeliveryRequested:
      // A delivery changes nothing the session decides on: the link was issued just before.
      return state;
  }
}
