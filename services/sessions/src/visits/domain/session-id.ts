import { createHash } from 'node:crypto';

// Fixed namespace of the sessions service (a random UUID chosen once): name-based ids below are
// stable across instances and restarts.
const NAMESPACE = Buffer.from('6b1f0c8e9d2a4e57a3c1f08b7d6e2a94', 'hex');

/**
 * The session of an appointment, as a name-based UUID (RFC 9562 version 5) of its appointment
 * id: every instance that sees AppointmentBooked, however often, appends to the same stream,
 * so a redelivered or duplicated booking cannot create a second session.
 */
export function sessionIdOf(appointmentId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(appointmentId.toLowerCase()).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
