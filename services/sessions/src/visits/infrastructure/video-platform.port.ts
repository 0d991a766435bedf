import type { ParticipantRole } from '../domain/session.events';

/** What a participant's client needs to enter the video room. */
export interface RoomJoin {
  readonly roomId: string;
  /** Opens the room; carries a short-lived signed token, never PHI. */
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * The video vendor, behind one interface: Zoom for Healthcare, Doxy.me or a health system's
 * own WebRTC service each get an adapter that creates the room and hands out join data. The
 * built-in adapter (SignedRoomVideoPlatform) signs room URLs for a WebRTC front end.
 */
export interface VideoPlatform {
  /** The vendor's room for a session; the same session always gets the same room. */
  roomFor(sessionId: string): Promise<{ readonly roomId: string }>;
  /** Join data for one participant, valid until `until` at the latest. */
  join(
    roomId: string,
    participant: { readonly participantId: string; readonly role: ParticipantRole },
    now: Date,
  ): Promise<RoomJoin>;
}

export const VIDEO_PLATFORM = Symbol('VIDEO_PLATFORM');
