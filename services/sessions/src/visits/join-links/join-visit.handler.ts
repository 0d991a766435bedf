import { Inject, Injectable, Logger } from '@nestjs/common';
import { LinkRefusedError } from '../domain/session.errors';
import type { Session } from '../domain/session.state';
import { SessionRepository } from '../infrastructure/session.repository';
import { WaitingRoom } from '../waiting-room.query';
import { VIDEO_PLATFORM, VideoPlatform } from '../infrastructure/video-platform.port';
import { JoinVisitDto, JoinVisitResponse } from './join-visit.dto';
import { JoinLinkSigner } from '../infrastructure/join-link.signer';
import { LinkDevices } from '../infrastructure/link-devices.projection';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * A participant opens their link: the signature and window are checked, then the session
 * decides (revoked, visit over, in use on another device); the patient waits until admitted,
 * the others get the room. The first exchange binds the link to the device that made it.
 */
@Injectable()
export class JoinVisitHandler {
  private readonly logger = new Logger('JoinVisit');

  constructor(
    private readonly sessions: SessionRepository,
    private readonly devices: LinkDevices,
    private readonly signer: JoinLinkSigner,
    private readonly waitingRoom: WaitingRoom,
    @Inject(VIDEO_PLATFORM) private readonly video: VideoPlatform,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(dto: JoinVisitDto): Promise<JoinVisitResponse> {
    const now = this.clock();
    const { linkId, sessionId } = await this.signer.verify(dto.token, now);
    const binding = await this.devices.bindingOf(linkId, dto.deviceToken);
    const after = await this.flagged(sessionId, linkId, () =>
      this.sessions.handle(
        sessionId,
        {
          type: 'JoinVisit',
          linkId,
          device: binding.device,
          media: dto.media ?? 'video',
          connection: dto.connection ?? 'browser',
          at: now.toISOString(),
        },
        { metadata: { actor: `join-link:${linkId}` } },
      ),
    );
    if (after.state.status === 'none') throw new LinkRefusedError('forged');
    const session: Session = after.state;
    const link = session.links.find((l) => l.linkId === linkId);
    const participant = session.participants.find((p) => p.participantId === link?.participantId);
    if (!participant) throw new LinkRefusedError('forged');
    const deviceToken =
      binding.device === 'bound-here'
        ? dto.deviceToken
        : await this.flagged(sessionId, linkId, async () => {
            // Two devices exchanging the link at the same moment: one binds it, the other is
            // the second device.
            const bound = await this.devices.bind(linkId, binding, now);
            if (!bound) throw new LinkRefusedError('in-use');
            return bound;
          });
    if (participant.role === 'patient' && !session.admittedAt) {
      const position = await this.waitingRoom.positionOf(session, now);
      return { sessionId, status: 'waiting', role: participant.role, position, deviceToken };
    }
    const { roomId } = await this.video.roomFor(sessionId);
    const room = await this.video.join(roomId, participant, now);
    return {
      sessionId,
      status: 'in-visit',
      role: participant.role,
      room: { url: room.url, expiresAt: room.expiresAt },
      deviceToken,
    };
  }

  /** A link refused as in use elsewhere is someone else holding a copy: operators see it. */
  private async flagged<T>(sessionId: string, linkId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LinkRefusedError && error.refusal === 'in-use')
        this.logger.warn(
          `join link ${linkId} of session ${sessionId} presented by a second device while its participant is in the visit: refused`,
        );
      throw error;
    }
  }
}
