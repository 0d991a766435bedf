import type {
  AdmitPatient,
  IssueJoinLink,
  JoinVisit,
  LeaveVisit,
  RevokeJoinLink,
} from './session.commands';
import { linkDeliveryRequested, linkIssued } from './join-link-delivery.decider';
import { revokeLinks } from './link-revocation';
import { IllegalTransitionError, LinkRefusedError, SessionRuleError } from './session.errors';
import { ParticipantRole, SESSION_EVENT as E, SessionEvent } from './session.events';
import { ms, notEnded, participantOf, seconds } from './session.guards';
import { absent, SessionState } from './session.state';

/** Drops of one participant after which the service opens a connection issue by itself. */
export const REPEATED_DROPS = 3;

/**
 * One live link per participant: issuing a new one revokes the ones before it. A link to be sent
 * now is handed to the notifications service, sealed, right after it is issued.
 */
export function issueLink(command: IssueJoinLink, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'issue a link for');
  const issued = {
    linkId: command.linkId,
    participant: participantOf(session, command.participantId),
    expiresAt: command.expiresAt,
  };
  const newLink = linkIssued(session, issued, command.at);
  const replaced = revokeLinks(session, {
    cause: 'reissued',
    at: command.at,
    whose: (participantId) => participantId === command.participantId,
    by: command.by,
  });
  const sent = command.sendNow
    ? [linkDeliveryRequested(session, issued, command.sendNow.link, 'now', command.at)]
    : [];
  return [...replaced, newLink, ...sent];
}

export function revokeLink(command: RevokeJoinLink, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'revoke a link of');
  const link = session.links.find((l) => l.linkId === command.linkId);
  if (!link) throw new SessionRuleError('no such link for this session');
  if (link.revoked) return [];
  return [
    {
      type: E.linkRevoked,
      data: {
        sessionId: session.sessionId,
        linkId: link.linkId,
        participantId: link.participantId,
        revokedAt: command.at,
        cause: 'revoked-by-staff',
        revokedBy: command.by,
      },
    },
  ];
}

/**
 * A signed link is presented (signature and time window already verified by the link signer):
 * the patient enters the waiting room until admitted, everyone else joins the room.
 */
export function join(command: JoinVisit, state: SessionState): SessionEvent[] {
  if (state.status === 'none') throw new LinkRefusedError('forged');
  const link = state.links.find((l) => l.linkId === command.linkId);
  if (!link) throw new LinkRefusedError('forged');
  if (state.status === 'ended') throw new LinkRefusedError('visit-ended');
  if (link.revoked) throw new LinkRefusedError('revoked');
  if (ms(link.expiresAt) <= ms(command.at)) throw new LinkRefusedError('expired');
  const participant = participantOf(state, link.participantId);
  const presence = state.presence[participant.participantId] ?? absent;
  // A link is one person's: while its participant is in the room (or the patient in the
  // waiting room), a second device presenting it is someone else holding a copy.
  const waiting = participant.role === 'patient' && !!state.arrivedAt && !state.admittedAt;
  if (command.device === 'bound-elsewhere' && (presence.present || waiting))
    throw new LinkRefusedError('in-use');
  if (presence.present) return [];
  if (participant.role === 'patient' && !state.admittedAt) {
    if (state.arrivedAt) return [];
    return [
      {
        type: E.arrived,
        data: {
          sessionId: state.sessionId,
          appointmentId: state.appointmentId,
          patientId: state.patientId,
          arrivedAt: command.at,
        },
      },
    ];
  }
  return [
    {
      type: E.joined,
      data: {
        sessionId: state.sessionId,
        participantId: participant.participantId,
        role: participant.role as ParticipantRole,
        joinedAt: command.at,
        media: presence.audioOnly ? 'audio' : command.media,
        connection: command.connection,
      },
    },
  ];
}

export function admit(command: AdmitPatient, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'admit the patient of');
  if (!session.arrivedAt) throw new SessionRuleError('the patient is not in the waiting room');
  if (session.admittedAt) throw new IllegalTransitionError('admit the patient of', 'admitted');
  return [
    {
      type: E.admitted,
      data: {
        sessionId: session.sessionId,
        patientId: session.patientId,
        admittedAt: command.at,
        admittedBy: command.by,
        waitedSeconds: seconds(session.arrivedAt, command.at),
      },
    },
  ];
}

/** A leave; a drop is a leave by disconnection, and repeated drops open an issue. */
export function leave(command: LeaveVisit, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'leave');
  const participant = participantOf(session, command.participantId);
  const presence = session.presence[participant.participantId] ?? absent;
  if (!presence.present) throw new SessionRuleError('the participant is not in the visit');
  const left: SessionEvent = {
    type: E.left,
    data: {
      sessionId: session.sessionId,
      participantId: participant.participantId,
      role: participant.role as ParticipantRole,
      leftAt: command.at,
      reason: command.reason,
    },
  };
  const drops = presence.drops + (command.reason === 'disconnected' ? 1 : 0);
  const alreadyOpen = session.issues.some(
    (issue) => issue.open && issue.participantId === participant.participantId,
  );
  if (command.reason !== 'disconnected' || drops < REPEATED_DROPS || alreadyOpen) return [left];
  return [
    left,
    {
      type: E.issueOpened,
      data: {
        sessionId: session.sessionId,
        issueId: command.issueId,
        participantId: participant.participantId,
        category: 'connection',
        openedAt: command.at,
        openedBy: { kind: 'system', service: 'sessions' },
        trigger: 'repeated-drops',
      },
    },
  ];
}
