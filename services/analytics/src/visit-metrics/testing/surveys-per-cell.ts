import { DateTime } from 'luxon';
import type { FixtureEvent } from './visit-events.fixture';

/**
 * Survey responses per `<providerId>|<day>` (the day of the visit's start in its clinic's
 * zone), counted straight from the raw events: which cells hold how many patients' answers.
 */
export function surveysPerProviderDay(events: readonly FixtureEvent[]): Map<string, number> {
  const data = (name: string) =>
    events.filter((e) => e.type.split('.')[2] === name).map((e) => e.data);
  const booked = new Map(data('AppointmentBooked').map((d) => [d['appointmentId'] as string, d]));
  const appointmentOf = new Map(
    data('SessionCreated').map((d) => [d['sessionId'] as string, d['appointmentId'] as string]),
  );
  const counts = new Map<string, number>();
  for (const survey of data('SurveySubmitted')) {
    const b = booked.get(appointmentOf.get(survey['sessionId'] as string) ?? '');
    if (!b) continue;
    const day = DateTime.fromISO(b['start'] as string, { zone: b['timeZone'] as string });
    const key = `${b['providerId'] as string}|${day.toISODate() ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
