import { careRelationshipDaysFromEnv } from '@thc/auth';
import { IANAZone } from 'luxon';
import { CheckpointPublicKey } from './audit-trail/domain/checkpoint-signature';
import {
  CheckpointSigner,
  checkpointSignerFromEnv,
  retiredPublicKeysFromEnv,
} from './audit-trail/checkpoint-keys';
import { envInteger, EnvRead } from '@thc/service-runtime';

/** Compliance-audit settings, read once from the environment when the service starts. */
export interface AuditSettings {
  /**
   * AUDIT_SIGNING_KEY_FILE or AUDIT_SIGNING_KEY: the Ed25519 private key (PKCS#8 PEM) that signs
   * checkpoints; anyone with its public half can check them. Required when NODE_ENV=production;
   * elsewhere a key generated into .infra/audit/ is used.
   */
  readonly checkpointSigner: CheckpointSigner;
  /** The signer's public key and AUDIT_RETIRED_PUBLIC_KEYS_FILE's: every key a checkpoint may name. */
  readonly checkpointPublicKeys: readonly CheckpointPublicKey[];
  /** AUDIT_CHECKPOINT_EVERY (default 1000): a signed checkpoint at every multiple of this. */
  readonly checkpointEvery: number;
  /**
   * AUDIT_CHECKPOINT_INTERVAL_MS (default 60 000): no entry stays unsigned longer; verification
   * reports a tail older than this without a checkpoint.
   */
  readonly checkpointIntervalMs: number;
  /**
   * AUDIT_HEADS_FILE (optional): an append-only file (a WORM mount, another system's volume) where
   * every signed head is appended, beside the heads topic; verification holds the database
   * against it. Without it, only the outside verifier holds the trail against published heads.
   */
  readonly headsFile?: string;
  /** AUDIT_RETENTION_YEARS (default 6, at least 6): entries younger than this are never purged. */
  readonly retentionYears: number;
  /** AUDIT_WORKING_HOURS (default 07:00-19:00) in AUDIT_TIME_ZONE: PHI reads outside are flagged. */
  readonly workingHours: { readonly start: string; readonly end: string };
  /** AUDIT_WORKING_DAYS (default 1,2,3,4,5; ISO weekdays, Monday = 1). */
  readonly workingDays: readonly number[];
  /** AUDIT_TIME_ZONE (default UTC): IANA zone of the working hours. */
  readonly timeZone: string;
  /** AUDIT_BURST_THRESHOLD (default 50): this many PHI reads by one user in one window is a burst. */
  readonly burstThreshold: number;
  /** AUDIT_BURST_WINDOW_SECONDS (default 300): the tumbling window bursts are counted in. */
  readonly burstWindowSeconds: number;
  /** AUDIT_CARE_ROLES (default provider): roles whose PHI reads need a care relationship. */
  readonly careRoles: readonly string[];
  /**
   * AUDIT_CARE_DAYS_AFTER_VISIT (default CARE_RELATIONSHIP_DAYS, else 90): a care relationship
   * lasts this long after a visit; by default the window the services open records by.
   */
  readonly careDaysAfterVisit: number;
  /**
   * AUDIT_ACCESS_CHECK_DELAY_MS (default 30 000): PHI reads are judged this long after they are
   * recorded, so a booking published on another topic a moment later is not a false alarm.
   */
  readonly accessCheckDelayMs: number;
}

export const AUDIT_SETTINGS = Symbol('AUDIT_SETTINGS');

const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;

function workingHours(read: EnvRead): AuditSettings['workingHours'] {
  const raw = read('AUDIT_WORKING_HOURS') || '07:00-19:00';
  const [start = '', end = ''] = raw.split('-');
  if (!HOURS.test(raw) || end <= start)
    throw new Error('AUDIT_WORKING_HOURS: must be HH:mm-HH:mm with the end after the start');
  return { start, end };
}

function workingDays(read: EnvRead): number[] {
  const raw = read('AUDIT_WORKING_DAYS') || '1,2,3,4,5';
  const days = raw.split(',').map((day) => Number(day.trim()));
  if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
    throw new Error('AUDIT_WORKING_DAYS: comma-separated ISO weekdays 1 (Monday) to 7');
  return [...new Set(days)];
}

const ROLES = ['patient', 'provider', 'coordinator', 'trainer', 'auditor', 'analyst', 'admin'];

export function auditSettingsFromEnv(read: EnvRead = (name) => process.env[name]): AuditSettings {
  const timeZone = read('AUDIT_TIME_ZONE') || 'UTC';
  if (!IANAZone.isValidZone(timeZone)) throw new Error('AUDIT_TIME_ZONE: not an IANA time zone');
  const careRoles = (read('AUDIT_CARE_ROLES') || 'provider').split(',').map((r) => r.trim());
  if (careRoles.some((role) => !ROLES.includes(role)))
    throw new Error(`AUDIT_CARE_ROLES: roles among ${ROLES.join(', ')}`);
  const signer = checkpointSignerFromEnv(read);
  return {
    checkpointSigner: signer,
    checkpointPublicKeys: [signer, ...retiredPublicKeysFromEnv(read)],
    headsFile: read('AUDIT_HEADS_FILE') || undefined,
    checkpointEvery: envInteger(read, 'AUDIT_CHECKPOINT_EVERY', 1000, 1, 1_000_000),
    checkpointIntervalMs: envInteger(read, 'AUDIT_CHECKPOINT_INTERVAL_MS', 60_000, 100, 86_400_000),
    retentionYears: envInteger(read, 'AUDIT_RETENTION_YEARS', 6, 6, 100),
    workingHours: workingHours(read),
    workingDays: workingDays(read),
    timeZone,
    burstThreshold: envInteger(read, 'AUDIT_BURST_THRESHOLD', 50, 2, 1_000_000),
    burstWindowSeconds: envInteger(read, 'AUDIT_BURST_WINDOW_SECONDS', 300, 1, 86_400),
    careRoles,
    careDaysAfterVisit: envInteger(
      read,
      'AUDIT_CARE_DAYS_AFTER_VISIT',
      careRelationshipDaysFromEnv(read),
      0,
      3650,
    ),
    accessCheckDelayMs: envInteger(read, 'AUDIT_ACCESS_CHECK_DELAY_MS', 30_000, 0, 86_400_000),
  };
}
