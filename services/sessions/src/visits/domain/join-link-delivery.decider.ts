import type { LinkToDeliver } from './session.commands';
import { SessionRuleError } from './session.errors';
import {
  Participant,
  ParticipantRole,
  SESSION_EVENT as E,
  SealedText,
  SessionEvent,
  SessionEventOf,
} from './session.events';
import { ms, participantOf } from './session.guards';
import type { Session } from './session.state';

/**
 * Who is sent their join link by message: the patient and those with them (interpreter,
 * caregiver). The provider works in the console, where they take their own link.
 */
export const sentByMessage = (role: Participant['role']): boolean => role !== 'provider';

/** `before-visit`: at the notifications service's lead time; `now`: at once. */
export type Delivery = SessionEventOf<typeof E.linkDeliveryRequested>['data']['deliver'];

interface IssuedLink {
  readonly linkId: string;
  readonly participant: Participant;
  readonly expiresAt: string;
}

export function linkIssued(session: Session, issued: IssuedLink, at: string): SessionEvent {
  if (ms(issued.expiresAt) <= ms(at))
    throw new SessionRuleError('the link would expire before it is issued');
  return {
    type: E.linkIssued,
    data: {
      sessionId: session.sessionId,
      linkId: issued.linkId,
      participantId: issued.participant.participantId,
      role: issued.participant.role as ParticipantRole,
      issuedAt: at,
      expiresAt: issued.expiresAt,
    },
  };
}

/** The link handed to the notifications service, sealed: the topic never carries a usable link. */
export function linkDeliveryRequested(
  session: Session,
  issued: IssuedLink,
  link: SealedText,
  deliver: Delivery,
  at: string,
): SessionEvent {
  return {
    type: E.linkDeliveryRequested,
    data: {
      sessionId: session.sessionId,
      appointmentId: session.appointmentId,
      patientId: session.patientId,
      linkId: issued.linkId,
      participantId: issued.participant.participantId,
      role: issued.participant.role as ParticipantRole,
      link,
      visitStart: session.scheduledStart,
      expiresAt: issued.expiresAt,
      deliver,
      requestedAt: at,
    },
  };
}

/** The links issued with a new session, each followed by its delivery before the visit. */
export function linksAtBooking(
  session: Session,
  links: readonly LinkToDeliver[],
  at: string,
): SessionEvent[] {
  return links.flatMap((link) => {
    const issued = { ...link, participant: participantOf(session, link.participantId) };
    return [
      linkIssued(session, issued, at),
      linkDeliveryRequested(session, issued, link.link, 'before-visit', at),
    ];
  });
}

/**
 * Who is owed a link after a change: each participant sent theirs by message who holds none that
 * still works (a new session's, the ones a move revoked, an interpreter who just joined).
 */
export function awaitingLinks(session: Session): Participant[] {
  const live = new Set(session.links.filter((l) => !l.revoked).map((l) => l.participantId));
  return session.participants.filter((p) => sentByMessage(p.role) && !live.has(p.participantId));
}

/**
 * Before a visit, a link goes out at the notifications service's lead time; once the visit is
 * due or running (an interpreter drawn during it), it goes out at once.
 */
const deliveryAt = (session: Session, at: string): Delivery =>
  session.status === 'scheduled' && ms(at) < ms(session.scheduledStart) ? 'before-visit' : 'now';

/**
 * The links issued after a move or a new interpreter, each followed by its delivery request. Only
 * awaited ones are issued, one per participant: a link prepared for a session that changed
 * meanwhile (the repository decides again after a concurrent write) is dropped, not kept as a
 * spare credential.
 */
export function linksAfterChange(
  session: Session,
  links: readonly LinkToDeliver[],
  at: string,
): SessionEvent[] {
  const awaiting = new Map(awaitingLinks(session).map((p) => [p.participantId, p]));
  const deliver = deliveryAt(session, at);
  return links.flatMap((link) => {
    const participant = awaiting.get(link.participantId);
    if (!participant) return [];
    awaiting.delete(link.participantId);
    const issued = { ...link, participant };
    return [
      linkIssued(session, issued, at),
      linkDeliveryRequested(session, issued, link.link, deliver, at),
    ];
  });
}
