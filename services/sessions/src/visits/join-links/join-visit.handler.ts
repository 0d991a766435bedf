import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../../clock/sessions-clock.module';
import { LinkRefusedError } from '../domain/session.errors';
import type { Session } from '../domain/session.state';
import { SessionRepository } from '../shared/session.repository';
import { WaitingRoom } from '../waiting-room/waiting-room.query';
import { VIDEO_PLATFORM, VideoPlatform } from '../video/video-platform.port';
import { JoinVisitDto, JoinVisitResponse } from './join-visit.dto';
import { JoinLinkSigner } from './join-link.signer';

/**
 * A participant opens their link: the signature and window are checked, then the session
 * decides (revoked, visit over); the patient waits until admitted, the others get the room.
 */
@Injectable()
export class JoinVisitHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly signer: JoinLinkSigner,
    private readonly waitingRoom: WaitingRoom,
    @Inject(VIDEO_PLATFORM) private readonly video: VideoPlatform,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(dto: JoinVisitDto): Promise<JoinVisitResponse> {
    const now = this.clock();
    const { linkId, sessionId } = await this.signer.verify(dto.token, now);
    const after = await this.sessions.handle(
      sessionId,
      () => undefined,
      {
        type: 'JoinVisit',
        linkId,
        media: dto.media ?? 'video',
        connection: dto.connection ?? 'browser',
        at: now.toISOString(),
      },
      { actor: `join-link:${linkId}` },
    );
    if (after.state.status === 'none') throw new LinkRefusedError('forged');
    const session: Session = after.state;
    const link = session.links.find((l) => l.linkId === linkId);
    const participant = session.participants.find((p) => p.participantId === link?.participantId);
    if (!participant) throw new LinkRefusedError('forged');
    if (participant.role === 'patient' && !session.admittedAt) {
      const position = await this.waitingRoom.positionOf(session, now);
      return { sessionId, status: 'waiting', role: participant.role, position };
    }
    const { roomId } = await this.video.roomFor(sessionId);
    const room = await this.video.join(roomId, participant, now);
    return {
      sessionId,
      status: 'in-visit',
      role: participant.role,
      room: { url: room.url, expiresAt: room.expiresAt },
    };
  }
}
