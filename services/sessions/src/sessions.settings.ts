import { Logger } from '@nestjs/common';
import type { Role } from '@thc/auth';
import { randomBytes } from 'node:crypto';
import { envInteger, EnvRead } from '@thc/service-runtime';

/** The sessions service's settings, read once from the environment when the module starts. */
export interface SessionsSettings {
  /** SESSIONS_LINK_SIGNING_KEY: HMAC key (≥ 32 bytes, base64) that signs join links. */
  readonly linkSigningKey: Uint8Array;
  /** SESSIONS_VIDEO_SIGNING_KEY: HMAC key (≥ 32 bytes, base64) that signs room tokens. */
  readonly videoSigningKey: Uint8Array;
  /** SESSIONS_LINK_OPENS_MINUTES (default 30): a link works from this long before the start. */
  readonly linkOpensMinutesBefore: number;
  /** SESSIONS_LINK_CLOSES_MINUTES (default 120): a link works until this long after the start. */
  readonly linkClosesMinutesAfter: number;
  /** SESSIONS_JOIN_BASE_URL: the web app's visit page a join link opens; the token goes in its fragment. */
  readonly joinBaseUrl: string;
  /** SESSIONS_VIDEO_BASE_URL: the WebRTC front end of the built-in video adapter. */
  readonly videoBaseUrl: string;
  /** SESSIONS_ROOM_TOKEN_MINUTES (default 10): lifetime of a room token handed at join. */
  readonly roomTokenMinutes: number;
  /** SESSIONS_INCIDENT_WINDOW_SECONDS (default 300): the sliding window of failure signals. */
  readonly incidentWindowSeconds: number;
  /** SESSIONS_INCIDENT_THRESHOLD (default 10): failures within the window that raise an incident. */
  readonly incidentThreshold: number;
  /** SESSIONS_INCIDENT_QUIET_SECONDS (default 600): failure-free time after which it closes. */
  readonly incidentQuietSeconds: number;
  /**
   * SESSIONS_REQUIRE_LICENCE (default true): a visit starts only with the patient's location
   * confirmed and a provider licensed there, and a transfer needs a licence there too. `false`
   * is for development only and refused in production.
   */
  readonly requireLicence: boolean;
  /**
   * SESSIONS_REQUIRE_CREDENTIAL (default true): a transfer needs an incoming provider with a
   * current telehealth credential. `false` is for development only and refused in production.
   */
  readonly requireCredential: boolean;
  /**
   * SESSIONS_LIVE_POLL_MS (default 1000): how often a live stream (server-sent events) reads
   * what it follows again; any instance may have changed it.
   */
  readonly livePollMs: number;
}

export const SESSIONS_SETTINGS = Symbol('SESSIONS_SETTINGS');

/** A caller holding several roles acts on sessions' events in the first of these they hold. */
export const SESSIONS_ACTING_ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'provider',
  'patient',
];

function url(read: EnvRead, name: string, fallback: string): string {
  const value = read(name) ?? fallback;
  if (!/^https?:\/\/[^\s]+$/.test(value)) throw new Error(`${name}: must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

/**
 * A signing key from the environment. Without one, production refuses to start; elsewhere a
 * random key serves this process only (links it signs stop working when it restarts).
 */
function key(read: EnvRead, name: string): Uint8Array {
  const raw = read(name);
  if (raw) {
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length < 32) throw new Error(`${name}: must be at least 32 bytes, base64-encoded`);
    return new Uint8Array(bytes);
  }
  if (read('NODE_ENV') === 'production') throw new Error(`${name}: required in production`);
  new Logger('SessionsSettings').warn(`${name} not set: using a random key for this process`);
  return new Uint8Array(randomBytes(32));
}

/** A safety check that development may turn off and production may not. */
function required(read: EnvRead, name: string): boolean {
  const raw = read(name) ?? 'true';
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name}: must be true or false`);
  if (raw === 'false' && read('NODE_ENV') === 'production')
    throw new Error(`${name}: cannot be turned off in production`);
  return raw === 'true';
}

export function sessionsSettingsFromEnv(
  read: EnvRead = (name) => process.env[name],
): SessionsSettings {
  return {
    linkSigningKey: key(read, 'SESSIONS_LINK_SIGNING_KEY'),
    videoSigningKey: key(read, 'SESSIONS_VIDEO_SIGNING_KEY'),
    linkOpensMinutesBefore: envInteger(read, 'SESSIONS_LINK_OPENS_MINUTES', 30, 0, 1440),
    linkClosesMinutesAfter: envInteger(read, 'SESSIONS_LINK_CLOSES_MINUTES', 120, 1, 1440),
    joinBaseUrl: url(read, 'SESSIONS_JOIN_BASE_URL', 'http://127.0.0.1:3000/join'),
    videoBaseUrl: url(read, 'SESSIONS_VIDEO_BASE_URL', 'https://video.localhost/room'),
    roomTokenMinutes: envInteger(read, 'SESSIONS_ROOM_TOKEN_MINUTES', 10, 1, 240),
    incidentWindowSeconds: envInteger(read, 'SESSIONS_INCIDENT_WINDOW_SECONDS', 300, 1, 86_400),
    incidentThreshold: envInteger(read, 'SESSIONS_INCIDENT_THRESHOLD', 10, 1, 100_000),
    incidentQuietSeconds: envInteger(read, 'SESSIONS_INCIDENT_QUIET_SECONDS', 600, 1, 86_400),
    requireLicence: required(read, 'SESSIONS_REQUIRE_LICENCE'),
    requireCredential: required(read, 'SESSIONS_REQUIRE_CREDENTIAL'),
    livePollMs: envInteger(read, 'SESSIONS_LIVE_POLL_MS', 1000, 100, 60_000),
  };
}
