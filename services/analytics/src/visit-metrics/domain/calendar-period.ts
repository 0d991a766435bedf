import { DateTime } from 'luxon';

export type Grouping = 'day' | 'week' | 'month';

/**
 * The calendar date of an instant in a zone (the provider's, where the visit was offered), so
 * a 23:30 visit in New York counts on its own day and not on the next UTC day.
 */
export function localDate(at: Date, timeZone?: string): string {
  const zoned = DateTime.fromJSDate(at, { zone: timeZone ?? 'UTC' });
  return (zoned.isValid ? zoned : DateTime.fromJSDate(at, { zone: 'UTC' })).toISODate() ?? '';
}

/** The period a calendar date belongs to: itself, its ISO week (`2026-W11`), its month. */
export function periodOf(day: string, grouping: Grouping): string {
  if (grouping === 'day') return day;
  if (grouping === 'month') return day.slice(0, 7);
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  return `${date.weekYear}-W${String(date.weekNumber).padStart(2, '0')}`;
}

/** Every calendar date from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = DateTime.fromISO(from, { zone: 'UTC' });
    (d.toISODate() ?? to) <= to;
    d = d.plus({ days: 1 })
  )
    days.push(d.toISODate() ?? to);
  return days;
}
