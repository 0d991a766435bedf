import { createHash } from 'node:crypto';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../domain/staff-training.events';

/**
 * What makes a clock-driven fact unique: a certification expires once, a warning is sent once
 * per lead time, an assignment goes overdue once, and a lapse caused by one certification
 * happens once. Other events (commands of people) have no such key and get random ids.
 */
function factKey(event: StaffTrainingEvent): string | undefined {
  switch (event.type) {
    case E.expired:
      return `expired/${event.data.certificationId}`;
    case E.warning:
      return `warning/${event.data.certificationId}/${event.data.leadDays ?? event.data.daysRemaining}`;
    case E.overdue:
      return `overdue/${event.data.assignmentId}`;
    case E.lapsed:
      return event.data.certificationId
        ? `lapsed/${event.data.cause}/${event.data.certificationId}`
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A name-based UUID (version 5 layout, SHA-1) for a clock-driven fact, so that two instances,
 * or one instance before and after a restart, that decide the same fact write the same event
 * id: the event store refuses the second copy even if the version check were bypassed.
 */
export function factEventId(event: StaffTrainingEvent): string | undefined {
  const key = factKey(event);
  if (key === undefined) return undefined;
  const staffId = (event.data as { staffId: string }).staffId;
  const bytes = createHash('sha1')
    .update(`thc.training/staff-${staffId}/${key}`)
    .digest()
    .subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
