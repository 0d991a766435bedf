import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { sentByMessage } from '../domain/join-link-delivery.decider';
import { participantOf } from '../domain/session.guards';
import { Session, SessionState } from '../domain/session.state';
import { ensureParticipantAccess, ensureStaffOrProvider } from '../session-access';
import { SessionRepository } from '../infrastructure/session.repository';
import { IssueJoinLinkDto, JoinLinkResponse } from './issue-join-link.dto';
import { JOIN_LINK_SEALER, JoinLinkSealer } from '../infrastructure/join-link.sealer';
import { JoinLinkSigner } from '../infrastructure/join-link.signer';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';

/**
 * Issues (one live link per participant) and revokes signed join links. A link to be sent is
 * sealed here, before the command: the session's events carry it only sealed.
 */
@Injectable()
export class JoinLinksHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly signer: JoinLinkSigner,
    @Inject(JOIN_LINK_SEALER) private readonly sealer: JoinLinkSealer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async issue(
    sessionId: string,
    dto: IssueJoinLinkDto,
    principal: Principal,
  ): Promise<JoinLinkResponse> {
    const now = this.clock();
    const linkId = this.newId();
    const { participantId } = dto;
    const before = await this.sessions.load(sessionId);
    const session = ensureParticipantAccess(principal, before.state, participantId);
    const participant = participantOf(session, participantId);
    const signed = await this.signer.sign({ linkId, sessionId }, session.scheduledStart, now);
    const send = dto.send ?? sentByMessage(participant.role);
    // Sealing reads (the first time, creates) the patient's key: only for a link to be sent.
    const link = send ? await this.sealer.seal(session.patientId, signed.url) : undefined;
    const after = await this.sessions.handle(
      sessionId,
      {
        type: 'IssueJoinLink',
        linkId,
        participantId,
        expiresAt: signed.expiresAt,
        ...(link ? { sendNow: { link } } : {}),
        at: now.toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      {
        check: (state) => {
          ensureParticipantAccess(principal, state, participantId);
          ensureSameStart(state, session);
        },
        metadata: { actor: principal.subject },
        loaded: before,
      },
    );
    if (after.state.status === 'none') throw new NotFoundException('no such session');
    const { url, opensAt, expiresAt } = signed;
    return { linkId, url, opensAt, expiresAt, deliveryRequested: link !== undefined };
  }

  async revoke(sessionId: string, linkId: string, principal: Principal): Promise<void> {
    await this.sessions.handle(
      sessionId,
      {
        type: 'RevokeJoinLink',
        linkId,
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      {
        check: (state) => ensureStaffOrProvider(principal, state),
        metadata: { actor: principal.subject },
      },
    );
  }
}

/** The link was signed for the start read first; a visit moved meanwhile needs another. */
function ensureSameStart(state: SessionState, signedFor: Session): void {
  if (state.status !== 'none' && state.scheduledStart !== signedFor.scheduledStart)
    throw new ConflictException('the visit moved at the same time; issue the link again');
}
