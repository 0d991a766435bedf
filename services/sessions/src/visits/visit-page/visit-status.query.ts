import { Inject, Injectable } from '@nestjs/common';
import type { Session } from '../domain/session.state';
import { VIDEO_PLATFORM, VideoPlatform } from '../infrastructure/video-platform.port';
import { WaitingRoom } from '../waiting-room.query';
import type { LinkHolder } from '../link-standing';
import type { VisitStatusResponse } from './visit-page.dto';
import { inWaitingRoom, visitStateOf, VisitState } from './visit-state';
import { Clock, CLOCK } from '@thc/service-runtime';

/** The holder's state, and their place while in the waiting room. */
export interface VisitPlace {
  readonly state: VisitState;
  readonly position?: number;
}

/**
 * Where the link holder is in their visit, read from the session: the state, the place in the
 * waiting room (one bounded read of the provider's queue, only while waiting) and, once
 * admitted, the video room to enter.
 */
@Injectable()
export class VisitStatusQuery {
  constructor(
    private readonly waitingRoom: WaitingRoom,
    @Inject(VIDEO_PLATFORM) private readonly video: VideoPlatform,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async placeOf(session: Session, holder: LinkHolder): Promise<VisitPlace> {
    const state = visitStateOf(session, holder);
    if (!inWaitingRoom(state)) return { state };
    return { state, position: await this.waitingRoom.positionOf(session, this.clock()) };
  }

  /** The place as the stream sends it: with the room's address once admitted. */
  async withRoom(place: VisitPlace, holder: LinkHolder): Promise<VisitStatusResponse> {
    if (place.state !== 'admitted') return { ...place };
    const { roomId } = await this.video.roomFor(holder.sessionId);
    const room = await this.video.join(roomId, holder, this.clock());
    return { ...place, room: { url: room.url, expiresAt: room.expiresAt } };
  }
}
