import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../../clock/sessions-clock.module';
import { actorOf } from '../shared/actor';
import { ensureParticipantAccess, ensureStaffOrProvider } from '../shared/session-access';
import { SessionRepository } from '../shared/session.repository';
import { JoinLinkResponse } from './issue-join-link.dto';
import { JoinLinkSigner } from './join-link.signer';

/** Issues (one live link per participant) and revokes signed join links. */
@Injectable()
export class JoinLinksHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly signer: JoinLinkSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(
    sessionId: string,
    participantId: string,
    principal: Principal,
  ): Promise<JoinLinkResponse> {
    const now = this.clock();
    const linkId = randomUUID();
    const before = await this.sessions.load(sessionId);
    const session = ensureParticipantAccess(principal, before.state, participantId);
    const { expiresAt } = this.signer.window(session.scheduledStart);
    const after = await this.sessions.handle(
      sessionId,
      (state) => ensureParticipantAccess(principal, state, participantId),
      {
        type: 'IssueJoinLink',
        linkId,
        participantId,
        expiresAt: expiresAt.toISOString(),
        at: now.toISOString(),
        by: actorOf(principal),
      },
      { actor: principal.subject },
      before,
    );
    if (after.state.status === 'none') throw new NotFoundException('no such session');
    const signed = await this.signer.sign({ linkId, sessionId }, after.state.scheduledStart, now);
    return { linkId, url: signed.url, opensAt: signed.opensAt, expiresAt: signed.expiresAt };
  }

  async revoke(sessionId: string, linkId: string, principal: Principal): Promise<void> {
    await this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      { type: 'RevokeJoinLink', linkId, at: this.clock().toISOString(), by: actorOf(principal) },
      { actor: principal.subject },
    );
  }
}
