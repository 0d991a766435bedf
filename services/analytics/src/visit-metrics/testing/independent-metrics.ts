import { DateTime } from 'luxon';
import { meanOpinionScore } from '../domain/mean-opinion-score';
import type { FixtureEvent } from './visit-events.fixture';

/**
 * The metrics computed straight from the raw events, the way an analyst would with a
 * spreadsheet: no facts documents, no counters, no histograms; exact percentiles. Keyed by
 * `<month>|<clinicId>`. Tests compare the projection's answers with these.
 */
export function independentMetrics(
  events: readonly FixtureEvent[],
): Map<string, Record<string, number | null>> {
  const byType = (name: string) =>
    events.filter((e) => e.type.split('.')[2] === name).map((e) => e.data);
  const booked = new Map(byType('AppointmentBooked').map((d) => [d['appointmentId'] as string, d]));
  const sessionToAppointment = new Map(
    byType('SessionCreated').map((d) => [d['sessionId'] as string, d['appointmentId'] as string]),
  );
  const keyOf = (appointmentId: string | undefined): string | undefined => {
    const b = appointmentId ? booked.get(appointmentId) : undefined;
    if (!b) return undefined;
    const day =
      DateTime.fromISO(b['start'] as string, {
        zone: b['timeZone'] as string,
      }).toISODate() ?? '';
    return `${day.slice(0, 7)}|${b['clinicId'] as string}`;
  };
  const viaSession = (d: Record<string, unknown>) =>
    keyOf(sessionToAppointment.get(d['sessionId'] as string));
  const lists = new Map<string, Record<string, number[]>>();
  const push = (key: string | undefined, name: string, value: number) => {
    if (!key) return;
    const entry = lists.get(key) ?? {};
    (entry[name] ??= []).push(value);
    lists.set(key, entry);
  };
  const t = (v: unknown) => Date.parse(v as string);

  for (const b of booked.values()) {
    const key = keyOf(b['appointmentId'] as string);
    push(key, 'scheduled', 1);
    push(key, 'leadHours', (t(b['start']) - t(b['bookedAt'])) / 3_600_000);
  }
  const cancelled = new Set<string>();
  for (const d of byType('AppointmentCancelled')) {
    cancelled.add(d['appointmentId'] as string);
    push(keyOf(d['appointmentId'] as string), 'cancelled', 1);
    if (d['late']) push(keyOf(d['appointmentId'] as string), 'lateCancelled', 1);
  }
  for (const b of booked.values())
    if (!cancelled.has(b['appointmentId'] as string))
      push(
        keyOf(b['appointmentId'] as string),
        'bookedMinutes',
        (t(b['end']) - t(b['start'])) / 60_000,
      );
  for (const d of byType('AppointmentNoShow'))
    push(keyOf(d['appointmentId'] as string), 'noShow', 1);
  for (const d of byType('AppointmentCompleted')) {
    push(keyOf(d['appointmentId'] as string), 'completed', 1);
    push(
      keyOf(d['appointmentId'] as string),
      'duration',
      (t(d['endedAt']) - t(d['startedAt'])) / 60_000,
    );
  }
  for (const d of byType('SessionCreated')) push(viaSession(d), 'sessions', 1);
  for (const d of byType('SessionStarted')) push(viaSession(d), 'started', 1);
  const arrived = new Map(
    byType('PatientArrivedInWaitingRoom').map((d) => [d['sessionId'], t(d['arrivedAt'])]),
  );
  for (const d of byType('PatientAdmitted'))
    push(viaSession(d), 'wait', (t(d['admittedAt']) - (arrived.get(d['sessionId']) ?? NaN)) / 1000);
  for (const d of byType('PreVisitCheckRecorded'))
    push(viaSession(d), 'checkFailed', d['result'] === 'failed' ? 1 : 0);
  for (const d of byType('SwitchedToAudioOnly')) push(viaSession(d), 'audioOnly', 1);
  const withIssue = new Set(byType('TechnicalIssueOpened').map((d) => d['sessionId']));
  for (const s of withIssue) push(viaSession({ sessionId: s }), 'visitsWithIssue', 1);
  const opened = new Map(
    byType('TechnicalIssueOpened').map((d) => [d['issueId'], t(d['openedAt'])]),
  );
  for (const d of byType('TechnicalIssueResolved'))
    push(viaSession(d), 'resolve', (t(d['resolvedAt']) - (opened.get(d['issueId']) ?? NaN)) / 1000);
  for (const d of byType('ConnectionQualitySampled'))
    push(viaSession(d), 'mos', meanOpinionScore(d as never));
  for (const d of byType('SurveySubmitted')) {
    push(viaSession(d), 'satisfaction', d['satisfaction'] as number);
    push(viaSession(d), 'nps', d['nps'] as number);
  }

  const sum = (xs: number[] = []) => xs.reduce((a, b) => a + b, 0);
  const n = (xs: number[] = []) => xs.length;
  const div = (a: number, b: number) => (b > 0 ? a / b : null);
  const result = new Map<string, Record<string, number | null>>();
  for (const [key, l] of lists) {
    const surveys = l['satisfaction'] ?? [];
    const nps = l['nps'] ?? [];
    result.set(key, {
      scheduled: n(l['scheduled']),
      completed: n(l['completed']),
      cancelled: n(l['cancelled']),
      lateCancelled: n(l['lateCancelled']),
      noShow: n(l['noShow']),
      noShowRate: div(n(l['noShow']), n(l['scheduled']) - n(l['cancelled'])),
      leadTimeHoursMean: div(sum(l['leadHours']), n(l['leadHours'])),
      waitingSecondsMean: div(sum(l['wait']), n(l['wait'])),
      waitingSecondsP50: exactQuantile(l['wait'], 0.5),
      waitingSecondsP90: exactQuantile(l['wait'], 0.9),
      durationMinutesMean: div(sum(l['duration']), n(l['duration'])),
      technicalIssueRate: div(n(l['visitsWithIssue']), n(l['sessions'])),
      timeToResolveSecondsMean: div(sum(l['resolve']), n(l['resolve'])),
      preVisitCheckFailureRate: div(sum(l['checkFailed']), n(l['checkFailed'])),
      audioOnlyRate: div(n(l['audioOnly']), n(l['started'])),
      mosMean: div(sum(l['mos']), n(l['mos'])),
      satisfactionMean: div(sum(surveys), n(surveys)),
      satisfactionTopBox: div(surveys.filter((s) => s === 5).length, n(surveys)),
      nps: n(nps)
        ? (100 * (nps.filter((x) => x >= 9).length - nps.filter((x) => x <= 6).length)) / n(nps)
        : null,
      surveyResponseRate: div(n(surveys), n(l['completed'])),
      bookedMinutes: sum(l['bookedMinutes']),
    });
  }
  return result;
}

/** The ceil(q * n)-th smallest value. */
export function exactQuantile(values: number[] = [], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? null;
}
