import { endedNotReminded, type MetricName } from './metric-definitions';
import type { Counters } from './visit-contribution';

/**
 * Who a figure is made of: the visits of its cell, the survey responses in it, the ended visits
 * with (or without) a reminder that reached someone, or no patient at all (availability from
 * schedules, staff training).
 */
export type Population = 'visits' | 'responses' | 'remindedVisits' | 'notRemindedVisits' | 'none';

export const POPULATION = {
  scheduled: 'visits',
  completed: 'visits',
  cancelled: 'visits',
  lateCancelled: 'visits',
  noShow: 'visits',
  noShowRate: 'visits',
  leadTimeHoursMean: 'visits',
  leadTimeHoursP50: 'visits',
  waitingSecondsMean: 'visits',
  waitingSecondsP50: 'visits',
  waitingSecondsP90: 'visits',
  providerLatenessSecondsMean: 'visits',
  durationMinutesMean: 'visits',
  durationMinutesP90: 'visits',
  technicalIssueRate: 'visits',
  timeToResolveSecondsMean: 'visits',
  timeToResolveSecondsP90: 'visits',
  preVisitCheckFailureRate: 'visits',
  audioOnlyRate: 'visits',
  mosMean: 'visits',
  mosP10: 'visits',
  satisfactionMean: 'responses',
  satisfactionTopBox: 'responses',
  nps: 'responses',
  surveyResponseRate: 'visits',
  visitsReminded: 'remindedVisits',
  attendanceRateReminded: 'remindedVisits',
  visitsNotReminded: 'notRemindedVisits',
  attendanceRateNotReminded: 'notRemindedVisits',
  bookedMinutes: 'visits',
  availableMinutes: 'none',
  utilizationBooked: 'visits',
  utilizationCompleted: 'visits',
  trainingCompliance: 'none',
} as const satisfies Record<MetricName, Population>;

/** The minimum cell size analysts see when nothing is configured (ANALYTICS_MIN_CELL_COUNT). */
export const DEFAULT_MIN_CELL_COUNT = 11;

const sizeOf = (counters: Readonly<Counters>, population: Population): number => {
  const c = (key: string) => counters[key] ?? 0;
  if (population === 'responses') return c('responses');
  // Each group of the reminder comparison is its own cell: a rate of three visits is withheld
  // even when the clinic's month has hundreds.
  if (population === 'remindedVisits') return c('endedReminded');
  if (population === 'notRemindedVisits') return endedNotReminded(counters);
  if (population === 'visits')
    return Math.max(c('scheduled'), c('sessions'), c('completed'), c('started'));
  return Number.POSITIVE_INFINITY;
};

/**
 * The figures of a cell to withhold: those made of at least one and fewer than `minCount`
 * visits or responses. A provider's day with one survey would otherwise show that patient's
 * answer; a zero reveals no one and is shown.
 */
export function smallCells(
  counters: Readonly<Counters>,
  metrics: readonly MetricName[],
  minCount: number,
): MetricName[] {
  return metrics.filter((name) => {
    const size = sizeOf(counters, POPULATION[name]);
    return size > 0 && size < minCount;
  });
}
