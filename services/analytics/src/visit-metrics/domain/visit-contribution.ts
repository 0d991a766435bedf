import { localDate } from './calendar-period';
import { binKey, binOf, HISTOGRAMS, HistogramSpec } from './histogram';
import { reachedOn } from './message-facts';
import type { VisitFacts } from './visit-facts';

/** Counters one visit adds to its buckets; every metric is a ratio or quantile of these. */
export type Counters = Record<string, number>;

/**
 * Sums are kept in integer thousandths: integer addition is exact and associative, so a
 * rebuild that groups the same events into other batches adds up to the very same numbers.
 */
export const MILLI = 1000;
const milli = (value: number): number => Math.round(value * MILLI);

export interface VisitDimensions {
  readonly day: string;
  readonly clinicId: string;
  readonly providerId: string;
  readonly visitType: string;
}

export interface VisitContribution extends VisitDimensions {
  readonly counters: Counters;
}

const minutes = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;
const seconds = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 1000;

function observe(counters: Counters, spec: HistogramSpec, stem: string, value: number): void {
  counters[`${stem}N`] = (counters[`${stem}N`] ?? 0) + 1;
  counters[`${stem}Sum`] = (counters[`${stem}Sum`] ?? 0) + milli(value);
  const bin = binKey(spec, binOf(spec, value));
  counters[bin] = (counters[bin] ?? 0) + 1;
}

const NO_SHOW_OUTCOMES = new Set(['patient-no-show', 'provider-no-show']);

/**
 * A visit's counters, from its facts alone. Pure and total: the same facts always give the
 * same counters, so writing them again (a redelivery, a replay) changes nothing. Undefined
 * until the visit's clinic, provider, type and date are known (booking or session seen).
 */
export function visitContribution(facts: VisitFacts): VisitContribution | undefined {
  const where = facts.clinicId && facts.start ? facts : facts.session;
  if (!where?.clinicId || !where.start || !where.end) return undefined;
  const start = where.start;
  const counters: Counters = {};
  const add = (key: string, value = 1): void => {
    counters[key] = (counters[key] ?? 0) + value;
  };

  const cancelled = facts.cancelledAt !== undefined;
  const ended = facts.sessionEnded;
  const completed =
    facts.completed ??
    (ended?.outcome === 'completed' && ended.startedAt
      ? { startedAt: ended.startedAt, endedAt: ended.endedAt }
      : undefined);
  const noShow = facts.noShow !== undefined || NO_SHOW_OUTCOMES.has(ended?.outcome ?? '');

  if (facts.bookedAt) {
    add('scheduled');
    observe(counters, HISTOGRAMS.lead, 'lead', Math.max(0, minutes(facts.bookedAt, start) / 60));
  }
  if (cancelled) add('cancelled');
  if (cancelled && facts.lateCancel) add('lateCancelled');
  if (!cancelled) add('bookedMinutes', milli(minutes(start, where.end)));
  if (completed) {
    add('completed');
    const duration = Math.max(0, minutes(completed.startedAt, completed.endedAt));
    add('completedMinutes', milli(duration));
    observe(counters, HISTOGRAMS.duration, 'duration', duration);
  }
  if (noShow && !completed) add('noShow');
  // Attendance of visits that ended with a reminder that reached someone; those without one
  // are the other ended visits (completed + noShow − these), so a reminder arriving later adds
  // keys rather than renaming them: FerretDB 1.24 takes a `$set` of an embedded document with
  // other keys but the same values in the same order for no change, and skips it.
  const reminded = Object.values(facts.reminders ?? {}).some((channels) =>
    Object.values(channels).some(reachedOn),
  );
  if (reminded && (completed || noShow)) add('endedReminded');
  if (reminded && completed) add('attendedReminded');

  if (facts.session) add('sessions');
  const started = facts.sessionStartedAt ?? completed?.startedAt;
  if (started) add('started');
  if (facts.arrivedAt && facts.admittedAt && facts.admittedAt >= facts.arrivedAt)
    observe(counters, HISTOGRAMS.wait, 'wait', seconds(facts.arrivedAt, facts.admittedAt));
  if (facts.providerJoinedAt)
    observe(counters, HISTOGRAMS.late, 'late', Math.max(0, seconds(start, facts.providerJoinedAt)));
  if (started && facts.audioOnlyAt) add('audioOnly');
  if (facts.checks) add('checks', facts.checks);
  if (facts.checksFailed) add('checksFailed', facts.checksFailed);

  const issues = Object.values(facts.issues ?? {}).filter((issue) => issue.openedAt);
  if (issues.length > 0) add('visitsWithIssue');
  add('issues', issues.length);
  for (const issue of issues)
    if (issue.resolvedAt && issue.openedAt && issue.resolvedAt >= issue.openedAt)
      observe(counters, HISTOGRAMS.resolve, 'resolve', seconds(issue.openedAt, issue.resolvedAt));

  for (const [key, value] of Object.entries(facts.mos ?? {}))
    add(key === 'n' ? 'mosN' : key === 'sum' ? 'mosSum' : key, value);
  const survey = facts.survey ?? {};
  for (const [key, value] of Object.entries(survey)) add(key, value);
  if (completed && (survey['patientResponses'] ?? 0) > 0) add('surveyedVisits');

  for (const key of Object.keys(counters)) if (counters[key] === 0) delete counters[key];
  return {
    day: localDate(start, facts.clinicId && facts.start ? facts.timeZone : undefined),
    clinicId: where.clinicId,
    providerId: where.providerId ?? 'unknown',
    visitType: where.visitType ?? 'unknown',
    counters,
  };
}
