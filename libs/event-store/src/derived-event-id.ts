import { createHash } from 'node:crypto';

/**
 * A UUID (RFC 9562 version 8, name-based) derived from a name: the same fact decided twice,
 * by a redelivery or by two instances, gets the same event id, and the event store refuses the
 * second copy (`DuplicateEventIdError`).
 */
export function derivedEventId(name: string): string {
  const bytes = [...createHash('sha256').update(name).digest().subarray(0, 16)];
  const [six = 0, eight = 0] = [bytes[6], bytes[8]];
  bytes[6] = (six & 0x0f) | 0x80; // version 8
  bytes[8] = (eight & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
