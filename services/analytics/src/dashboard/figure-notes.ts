import { METRICS, MetricName } from '../visit-metrics/domain/metric-definitions';
import { POPULATION } from '../visit-metrics/domain/small-cells';

/**
 * Why a figure has no value although nothing was withheld: its denominator is empty. A page
 * says this in words instead of showing a dash, so a reader knows whether to look further.
 */
export const WHY_NO_FIGURE: Readonly<Record<MetricName, string>> = {
  scheduled: 'no visits in this period',
  completed: 'no visits in this period',
  cancelled: 'no visits in this period',
  lateCancelled: 'no visits in this period',
  noShow: 'no visits in this period',
  noShowRate: 'no visits that were not cancelled',
  leadTimeHoursMean: 'no visits booked',
  leadTimeHoursP50: 'no visits booked',
  waitingSecondsMean: 'no patient was admitted from the waiting room',
  waitingSecondsP50: 'no patient was admitted from the waiting room',
  waitingSecondsP90: 'no patient was admitted from the waiting room',
  providerLatenessSecondsMean: 'no provider joined a visit',
  durationMinutesMean: 'no visit completed',
  durationMinutesP90: 'no visit completed',
  technicalIssueRate: 'no visit sessions',
  timeToResolveSecondsMean: 'no technical issue was resolved',
  timeToResolveSecondsP90: 'no technical issue was resolved',
  preVisitCheckFailureRate: 'no pre-visit checks',
  audioOnlyRate: 'no visit started',
  mosMean: 'no connection-quality samples',
  mosP10: 'no connection-quality samples',
  satisfactionMean: 'no survey responses',
  satisfactionTopBox: 'no survey responses',
  nps: 'no survey responses',
  surveyResponseRate: 'no visit completed',
  visitsReminded: 'no visit ended',
  attendanceRateReminded: 'no ended visit had a reminder reach anyone',
  visitsNotReminded: 'no visit ended',
  attendanceRateNotReminded: 'every ended visit had a reminder reach someone',
  bookedMinutes: 'no visits booked',
  availableMinutes: 'no provider availability on record',
  utilizationBooked: 'no provider availability on record',
  utilizationCompleted: 'no provider availability on record',
  trainingCompliance: 'no staff known to training',
};

/** What the pages' scripts need to know of each metric to name, format and explain it. */
export interface MetricNote {
  readonly title: string;
  readonly unit: string;
  /** Whose count withholds it: `visits`, survey `responses`, or `none`. */
  readonly population: string;
  readonly none: string;
}

export function metricNotes(): Record<string, MetricNote> {
  return Object.fromEntries(
    METRICS.map(({ name, title, unit }) => [
      name,
      { title, unit, population: POPULATION[name], none: WHY_NO_FIGURE[name] },
    ]),
  );
}
