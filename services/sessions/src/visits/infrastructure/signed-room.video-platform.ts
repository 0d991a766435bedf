import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { SESSIONS_SETTINGS, SessionsSettings } from '../../sessions.settings';
import type { ParticipantRole } from '../domain/session.events';
import { RoomJoin, VideoPlatform } from './video-platform.port';

/** Audience and issuer of room tokens: a WebRTC front end checks both with the shared key. */
export const ROOM_TOKEN_AUDIENCE = 'thc-video-room';
export const ROOM_TOKEN_ISSUER = 'thc-sessions';

/**
 * The built-in video adapter: the room is named after the session, and a participant enters
 * with a URL carrying an HS256 JWT (room, role, expiry) that the front end verifies with
 * SESSIONS_VIDEO_SIGNING_KEY. The token names the participant by id only.
 */
@Injectable()
export class SignedRoomVideoPlatform implements VideoPlatform {
  constructor(@Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings) {}

  async roomFor(sessionId: string): Promise<{ roomId: string }> {
    return { roomId: sessionId };
  }

  async join(
    roomId: string,
    participant: { participantId: string; role: ParticipantRole },
    now: Date,
  ): Promise<RoomJoin> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expires = issuedAt + this.settings.roomTokenMinutes * 60;
    const token = await new SignJWT({ room: roomId, role: participant.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(participant.participantId)
      .setIssuer(ROOM_TOKEN_ISSUER)
      .setAudience(ROOM_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(this.settings.videoSigningKey);
    return {
      roomId,
      url: `${this.settings.videoBaseUrl}/${roomId}#token=${token}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }
}
