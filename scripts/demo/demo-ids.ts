import { createHash } from 'node:crypto';

/** The faker seed of the demo data unless THC_DEMO_SEED names another. */
export const DEFAULT_DEMO_SEED = 20_260_301;

/** Fixed namespace of the demo data set (a random UUID chosen once). */
const DEMO_NAMESPACE = Buffer.from('8d3f5b2a6c1e4f0b9a7d2e4c6b8f1a3d', 'hex');

/**
 * A name-based id (SHA-1 of the namespace, the faker seed and a name, as in RFC 9562 version 5),
 * so every run of the same seed addresses the same clinics, staff and patients. The version
 * nibble is written as 4: the services validate path ids as version-4 UUIDs, which a v5 id fails.
 */
export function demoId(seed: number, name: string): string {
  const hash = createHash('sha1').update(DEMO_NAMESPACE).update(`${seed}:${name}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x40, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable number in [0, 1) for a name: decisions that must not depend on generation order. */
export function demoFraction(seed: number, name: string): number {
  const hash = createHash('sha1').update(`${seed}:fraction:${name}`).digest();
  return hash.readUInt32BE(0) / 0x1_0000_0000;
}
