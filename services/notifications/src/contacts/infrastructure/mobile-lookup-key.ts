import { hkdfSync } from 'node:crypto';

export const MOBILE_LOOKUP_KEY = Symbol('MOBILE_LOOKUP_KEY');

const INFO = 'thc/notifications/mobile-lookup/v1';

/**
 * The key mobile numbers are hashed under for the STOP lookup. NOTIFICATIONS_LOOKUP_KEY (base64,
 * at least 32 bytes) when set; else derived (HKDF-SHA256) from the current master key of
 * PHI_MASTER_KEYS. The derived key changes when the master keys are rotated, and the numbers
 * recorded before then are no longer found until recorded again: deployments that rotate set
 * NOTIFICATIONS_LOOKUP_KEY.
 */
export function mobileLookupKeyFromEnv(
  read: (name: string) => string | undefined = (name) => process.env[name],
): Buffer {
  const dedicated = read('NOTIFICATIONS_LOOKUP_KEY');
  if (dedicated) {
    const key = Buffer.from(dedicated, 'base64');
    if (key.length < 32)
      throw new Error('NOTIFICATIONS_LOOKUP_KEY: must be at least 32 bytes, base64');
    return key;
  }
  // `id:base64key` entries, newest first (see EnvMasterKeyring).
  const current = (read('PHI_MASTER_KEYS') ?? '').split(',')[0]?.trim() ?? '';
  const master = Buffer.from(current.split(':')[1] ?? '', 'base64');
  if (master.length !== 32)
    throw new Error(
      'NOTIFICATIONS_LOOKUP_KEY or PHI_MASTER_KEYS: a key is needed to look people up by mobile number',
    );
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), INFO, 32));
}
