import { ParticipantRole, RefusalReason } from './session.events';
import type {
  CloseSession,
  CreateSession,
  EndSession,
  MoveSession,
  StartSession,
  TransferProvider,
} from './session.commands';
import type { LicensureRefusal } from './session.commands';
import { linksAfterChange, linksAtBooking } from './join-link-delivery.decider';
import { revokeLinks } from './link-revocation';
import { confirmedStateAt } from './patient-location';
import { activeLicenceIn, credentialProblem } from './provider-qualification';
import { IllegalTransitionError, SessionRuleError, TransferRefusedError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { existing, ms, notEnded, seconds } from './session.guards';
import { qualitySummary } from './quality-summary';
import { changeInterpreter } from './session-interpreter.decider';
import { evolve } from './session.evolve';
import type { Session, SessionState } from './session.state';

/**
 * Booked: a session, once, with the links it was booked with, each to be delivered before the
 * visit. A redelivered or duplicated booking decides nothing.
 */
export function create(command: CreateSession, state: SessionState): SessionEvent[] {
  if (state.status !== 'none') return [];
  const { type: _, at, start, end, links = [], ...data } = command;
  const created: SessionEvent = {
    type: E.created,
    data: {
      ...data,
      participants: [...data.participants],
      scheduledStart: start,
      scheduledEnd: end,
      createdAt: at,
    },
  };
  const session = evolve(state, created);
  if (session.status === 'none') return [created];
  return [created, ...linksAtBooking(session, links, at)];
}

/**
 * Rescheduled: a session not yet running moves; its links were for the old time, so those sent
 * by message are issued again for the new one. When the appointment had to switch interpreters,
 * the new one replaces the one before (until the end) and gets the link.
 */
export function move(command: MoveSession, state: SessionState): SessionEvent[] {
  if (state.status === 'none' || state.status === 'ended') return [];
  const moved = moveSlot(command, state);
  // The interpreter is replaced after the move, whose revocations already cover their links.
  const afterMove = moved.reduce(evolve, state);
  const changed =
    command.interpreterId && afterMove.status !== 'none'
      ? changeInterpreter(afterMove, command.interpreterId, 'session-rescheduled', command.at)
      : [];
  const decided = [...moved, ...changed];
  const after = changed.reduce(evolve, afterMove);
  if (decided.length === 0 || after.status === 'none') return decided;
  return [...decided, ...linksAfterChange(after, command.links ?? [], command.at)];
}

function moveSlot(command: MoveSession, state: Session): SessionEvent[] {
  if (state.status !== 'scheduled') return [];
  if (ms(command.start) === ms(state.scheduledStart) && command.providerId === state.providerId)
    return [];
  return [
    {
      type: E.rescheduled,
      data: {
        sessionId: state.sessionId,
        appointmentId: state.appointmentId,
        providerId: command.providerId,
        previousStart: state.scheduledStart,
        scheduledStart: command.start,
        scheduledEnd: command.end,
        rescheduledAt: command.at,
      },
    },
    ...revokeLinks(state, { cause: 'session-rescheduled', at: command.at }),
  ];
}

function leaveAll(session: Session, at: string): SessionEvent[] {
  return session.participants
    .filter((p) => session.presence[p.participantId]?.present)
    .map((p) => ({
      type: E.left,
      data: {
        sessionId: session.sessionId,
        participantId: p.participantId,
        role: p.role as ParticipantRole,
        leftAt: at,
        reason: 'session-ended' as const,
      },
    }));
}

/** Cancelled: the session closes (outcome cancelled), once. */
export function close(command: CloseSession, state: SessionState): SessionEvent[] {
  if (state.status === 'none' || state.status === 'ended') return [];
  return [
    ...revokeLinks(state, { cause: 'session-closed', at: command.at }),
    ...leaveAll(state, command.at),
    {
      type: E.ended,
      data: {
        sessionId: state.sessionId,
        appointmentId: state.appointmentId,
        outcome: 'cancelled',
        ...(state.startedAt ? { startedAt: state.startedAt } : {}),
        endedAt: command.at,
        endedBy: command.by,
      },
    },
  ];
}

/** Why licensure stops a start at `at`, with the state it concerns; undefined when it does not. */
function licensureRefusal(
  command: StartSession,
  session: Session,
): { reason: LicensureRefusal; patientState?: string } | undefined {
  if (command.licences === 'not-checked') return undefined;
  const patientState = confirmedStateAt(session, command.at);
  if (!patientState) return { reason: 'patient-location-unconfirmed' };
  return activeLicenceIn(command.licences, patientState, command.at)
    ? undefined
    : { reason: 'provider-not-licensed-in-patient-state', patientState };
}

/**
 * The consent gate, then licensure: a start without active telehealth consent, without a recent
 * confirmation of where the patient is, or with a provider not licensed in that state (or on a
 * closed session) is a SessionStartRefused event, recorded so that the audit sees the rule held.
 */
export function start(command: StartSession, state: SessionState): SessionEvent[] {
  const session = existing(state, 'start');
  if (session.status === 'in-progress') throw new IllegalTransitionError('start', session.status);
  const refused = (reason: RefusalReason, patientState?: string): SessionEvent[] => [
    {
      type: E.startRefused,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        refusedAt: command.at,
        reason,
        attemptedBy: command.by,
        ...(patientState ? { patientState } : {}),
      },
    },
  ];
  if (session.status === 'ended') return refused('session-closed');
  if (!command.consent.active) return refused(command.consent.reason);
  const licensure = licensureRefusal(command, session);
  if (licensure) return refused(licensure.reason, licensure.patientState);
  return [
    {
      type: E.started,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        consentId: command.consent.consentId,
        startedAt: command.at,
        startedBy: command.by,
      },
    },
  ];
}

function checkOutcome(command: EndSession, session: Session): void {
  const running = session.status === 'in-progress';
  if (command.outcome === 'completed' || command.outcome === 'ended-technical-failure') {
    if (!running) throw new SessionRuleError('a visit that never started cannot be completed');
    return;
  }
  if (running) throw new SessionRuleError('a visit that started is not a no-show');
  if (ms(command.at) < ms(session.scheduledStart))
    throw new SessionRuleError('a no-show can be recorded only after the scheduled start');
  if (command.outcome === 'patient-no-show' && session.arrivedAt)
    throw new SessionRuleError('the patient arrived in the waiting room');
}

/** The end, with the facts analytics reads: duration, audio-only, quality per participant. */
export function end(command: EndSession, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'end');
  checkOutcome(command, session);
  const participantQuality = qualitySummary(session);
  const audioOnly = Object.values(session.presence).some((p) => p.audioOnly);
  return [
    ...leaveAll(session, command.at),
    {
      type: E.ended,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        outcome: command.outcome,
        ...(session.startedAt
          ? {
              startedAt: session.startedAt,
              durationSeconds: seconds(session.startedAt, command.at),
            }
          : {}),
        endedAt: command.at,
        endedBy: command.by,
        audioOnly,
        ...(participantQuality.length > 0 ? { participantQuality } : {}),
      },
    },
  ];
}

/**
 * The incoming provider must be able to run the visit now: a current telehealth credential and,
 * once the patient has said where they are, a licence active in that state. Before the patient
 * confirms a location the start checks the licence instead.
 */
function ensureQualified(command: TransferProvider, session: Session): void {
  const { credential, licences } = command.incoming;
  const problems: string[] = [];
  const credentialIssue =
    credential === 'not-checked' ? undefined : credentialProblem(credential, command.at);
  if (credentialIssue) problems.push(credentialIssue);
  const where = session.patientLocation?.state;
  if (licences !== 'not-checked' && where && !activeLicenceIn(licences, where, command.at))
    problems.push(`holds no active licence in ${where}, where the patient is`);
  if (problems.length === 0) return;
  throw new TransferRefusedError(
    `that provider ${problems.join(' and ')}; transfer to a provider with a current telehealth credential${where ? ` licensed in ${where}` : ''}`,
  );
}

/**
 * Hands the visit to another provider: the previous one leaves (if in the room) and their links
 * stop working; the new provider joins with a link of their own. A provider who could not run
 * the visit is refused before anything is recorded.
 */
export function transfer(command: TransferProvider, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'transfer');
  const from = session.providerId;
  if (command.toProviderId === from)
    throw new SessionRuleError('that provider already runs the visit');
  if (session.participants.some((p) => p.participantId === command.toProviderId))
    throw new SessionRuleError('the new provider already takes part in another role');
  ensureQualified(command, session);
  const left: SessionEvent[] = session.presence[from]?.present
    ? [
        {
          type: E.left,
          data: {
            sessionId: session.sessionId,
            participantId: from,
            role: 'provider',
            leftAt: command.at,
            reason: 'removed',
          },
        },
      ]
    : [];
  const revoked: SessionEvent[] = session.links
    .filter((link) => link.participantId === from && !link.revoked)
    .map((link) => ({
      type: E.linkRevoked,
      data: {
        sessionId: session.sessionId,
        linkId: link.linkId,
        participantId: from,
        revokedAt: command.at,
        cause: 'provider-transferred' as const,
        revokedBy: command.by,
      },
    }));
  return [
    ...left,
    ...revoked,
    {
      type: E.transferred,
      data: {
        sessionId: session.sessionId,
        appointmentId: session.appointmentId,
        fromProviderId: from,
        toProviderId: command.toProviderId,
        transferredAt: command.at,
        transferredBy: command.by,
      },
    },
  ];
}
