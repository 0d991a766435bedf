import { reminderKey } from '../domain/appointment.state';

/**
 * The one reminder offset due now for a visit starting at `start`, if any: the smallest offset
 * whose time has come. A larger offset passed over (the visit was booked or moved late, or the
 * service was down) is superseded by the smaller one: a patient is not sent a "tomorrow"
 * reminder an hour before the visit. Undefined when that reminder was already due.
 */
export function dueReminderOffset(
  start: string,
  now: Date,
  offsetsMinutes: readonly number[],
  alreadyDue: readonly string[],
): number | undefined {
  const startMs = Date.parse(start);
  if (now.getTime() >= startMs) return undefined;
  const due = offsetsMinutes.filter((offset) => now.getTime() >= startMs - offset * 60_000);
  if (due.length === 0) return undefined;
  const offset = Math.min(...due);
  return alreadyDue.includes(reminderKey(start, offset)) ? undefined : offset;
}
