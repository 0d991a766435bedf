import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { SESSIONS_SETTINGS, SessionsSettings } from '../../sessions.settings';
import { LinkRefusedError } from '../domain/session.errors';

const AUDIENCE = 'thc-join';
const ISSUER = 'thc-sessions';

/** What a join link says: which link of which session. No names, no patient id. */
export interface JoinLinkClaims {
  readonly linkId: string;
  readonly sessionId: string;
}

export interface SignedLink {
  readonly token: string;
  readonly url: string;
  readonly opensAt: string;
  readonly expiresAt: string;
}

/**
 * Signs and verifies join links: HS256 JWTs whose `nbf`/`exp` are the window around the
 * visit (SESSIONS_LINK_OPENS_MINUTES before the start to SESSIONS_LINK_CLOSES_MINUTES after).
 * Revocation is not in the token: the session's events know which link ids still work.
 */
@Injectable()
export class JoinLinkSigner {
  constructor(@Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings) {}

  window(scheduledStart: string): { opensAt: Date; expiresAt: Date } {
    const start = Date.parse(scheduledStart);
    return {
      opensAt: new Date(start - this.settings.linkOpensMinutesBefore * 60_000),
      expiresAt: new Date(start + this.settings.linkClosesMinutesAfter * 60_000),
    };
  }

  async sign(claims: JoinLinkClaims, scheduledStart: string, now: Date): Promise<SignedLink> {
    const { opensAt, expiresAt } = this.window(scheduledStart);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(claims.linkId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setNotBefore(Math.floor(opensAt.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.settings.linkSigningKey);
    return {
      token,
      url: `${this.settings.joinBaseUrl}#${token}`,
      opensAt: opensAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The link's claims, or LinkRefusedError naming why it may not be used now. */
  async verify(token: string, now: Date): Promise<JoinLinkClaims> {
    try {
      const { payload } = await jwtVerify(token, this.settings.linkSigningKey, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: ISSUER,
        currentDate: now,
        clockTolerance: 0,
      });
      if (typeof payload.jti !== 'string' || typeof payload['sid'] !== 'string')
        throw new LinkRefusedError('forged');
      return { linkId: payload.jti, sessionId: payload['sid'] };
    } catch (error) {
      if (error instanceof LinkRefusedError) throw error;
      if (error instanceof errors.JWTExpired) throw new LinkRefusedError('expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
        throw new LinkRefusedError('not-yet-open');
      throw new LinkRefusedError('forged');
    }
  }
}
