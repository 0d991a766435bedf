import { counter as c, countFigure, ratio, ratioFigure } from './figure';
import { HISTOGRAMS, HistogramSpec, quantile } from './histogram';
import { Counters, MILLI } from './visit-contribution';

/** One figure an analyst can ask for: what it means, in words, and how it is computed. */
export interface MetricDefinition {
  readonly name: string;
  readonly title: string;
  readonly unit: 'count' | 'ratio' | 'minutes' | 'seconds' | 'hours' | 'score';
  /** The written definition, published in docs/metrics.md. */
  readonly definition: string;
  readonly value: (counters: Readonly<Counters>) => number | null;
}

const mean = (stem: string) => (k: Readonly<Counters>) =>
  ratio(c(k, `${stem}Sum`) / MILLI, c(k, `${stem}N`));
/** Visits that ended (completed or no-show) without a reminder that reached anyone. */
export const endedNotReminded = (k: Readonly<Counters>): number =>
  c(k, 'completed') + c(k, 'noShow') - c(k, 'endedReminded');
const pct = (spec: HistogramSpec, q: number) => (k: Readonly<Counters>) => quantile(spec, k, q);

const REMINDED =
  'at least one reminder reached someone: a NotificationSent of kind `reminder` about the visit, on a channel whose address did not refuse it afterwards (no NotificationBounced there)';

const DATE_RULE =
  'Visits are counted on the calendar date of their scheduled start in the provider’s time zone.';

export const METRICS = [
  countFigure(
    'scheduled',
    'Visits scheduled',
    `Appointments booked (AppointmentBooked), whatever happened to them later. ${DATE_RULE}`,
  ),
  countFigure(
    'completed',
    'Visits completed',
    'Visits recorded as completed (AppointmentCompleted, or a session that ended with outcome `completed`).',
  ),
  countFigure(
    'cancelled',
    'Visits cancelled',
    'Appointments cancelled (AppointmentCancelled), late or not.',
  ),
  countFigure(
    'lateCancelled',
    'Late cancellations',
    'Cancellations that scheduling marked `late` (inside the clinic’s cancellation window).',
  ),
  countFigure(
    'noShow',
    'No-shows',
    'Visits that did not take place because the patient or the provider did not attend (AppointmentNoShow, or a session ended as `patient-no-show` / `provider-no-show`), and were not completed.',
  ),
  {
    name: 'noShowRate',
    title: 'No-show rate',
    unit: 'ratio',
    definition: 'No-shows / (visits scheduled − visits cancelled).',
    value: (k) => ratio(c(k, 'noShow'), c(k, 'scheduled') - c(k, 'cancelled')),
  },
  {
    name: 'leadTimeHoursMean',
    title: 'Lead time, mean',
    unit: 'hours',
    definition:
      'Hours from booking (`bookedAt`) to the scheduled start (after any reschedule), averaged over scheduled visits.',
    value: mean('lead'),
  },
  {
    name: 'leadTimeHoursP50',
    title: 'Lead time, median',
    unit: 'hours',
    definition: 'Median of the lead time, read from its histogram (accurate to the bin width).',
    value: pct(HISTOGRAMS.lead, 0.5),
  },
  {
    name: 'waitingSecondsMean',
    title: 'Waiting-room time, mean',
    unit: 'seconds',
    definition:
      'Seconds from the patient’s first arrival in the waiting room to their first admission, averaged over visits with both.',
    value: mean('wait'),
  },
  {
    name: 'waitingSecondsP50',
    title: 'Waiting-room time, median',
    unit: 'seconds',
    definition: 'Median waiting-room time, read from its histogram (accurate to the bin width).',
    value: pct(HISTOGRAMS.wait, 0.5),
  },
  {
    name: 'waitingSecondsP90',
    title: 'Waiting-room time, 90th percentile',
    unit: 'seconds',
    definition:
      '90th percentile of waiting-room time, read from its histogram (accurate to the bin width).',
    value: pct(HISTOGRAMS.wait, 0.9),
  },
  {
    name: 'providerLatenessSecondsMean',
    title: 'Provider lateness, mean',
    unit: 'seconds',
    definition:
      'Seconds from the scheduled start to the provider’s first join (0 when on time or early), averaged over visits the provider joined.',
    value: mean('late'),
  },
  {
    name: 'durationMinutesMean',
    title: 'Visit duration, mean',
    unit: 'minutes',
    definition: 'Minutes from the start to the end of completed visits, averaged.',
    value: mean('duration'),
  },
  {
    name: 'durationMinutesP90',
    title: 'Visit duration, 90th percentile',
    unit: 'minutes',
    definition: '90th percentile of the duration of completed visits, from its histogram.',
    value: pct(HISTOGRAMS.duration, 0.9),
  },
  ratioFigure(
    'technicalIssueRate',
    'Technical-issue rate',
    'Sessions with at least one technical issue opened / sessions created.',
    'visitsWithIssue',
    'sessions',
  ),
  {
    name: 'timeToResolveSecondsMean',
    title: 'Time to resolve a technical issue, mean',
    unit: 'seconds',
    definition:
      'Seconds from an issue being opened to it being resolved, averaged over resolved issues.',
    value: mean('resolve'),
  },
  {
    name: 'timeToResolveSecondsP90',
    title: 'Time to resolve, 90th percentile',
    unit: 'seconds',
    definition: '90th percentile of the time to resolve, from its histogram.',
    value: pct(HISTOGRAMS.resolve, 0.9),
  },
  ratioFigure(
    'preVisitCheckFailureRate',
    'Pre-visit check failure rate',
    'Pre-visit device/connection checks with result `failed` / all checks recorded.',
    'checksFailed',
    'checks',
  ),
  ratioFigure(
    'audioOnlyRate',
    'Audio-only fallback rate',
    'Started visits in which a participant switched to audio only / started visits.',
    'audioOnly',
    'started',
  ),
  {
    name: 'mosMean',
    title: 'Connection quality (MOS), mean',
    unit: 'score',
    definition:
      'Mean opinion score (1–4.5) of every connection-quality sample, from round-trip time, jitter and packet loss by the simplified ITU-T G.107 E-model; averaged over samples.',
    value: mean('mos'),
  },
  {
    name: 'mosP10',
    title: 'Connection quality (MOS), 10th percentile',
    unit: 'score',
    definition: '10th percentile of the samples’ MOS (the bad tail), from its histogram.',
    value: pct(HISTOGRAMS.mos, 0.1),
  },
  {
    name: 'satisfactionMean',
    title: 'Satisfaction, mean',
    unit: 'score',
    definition: 'Mean satisfaction score (1–5) over all survey responses.',
    value: (k) => ratio(c(k, 'satisfactionSum'), c(k, 'responses')),
  },
  ratioFigure(
    'satisfactionTopBox',
    'Satisfaction, top box',
    'Responses scoring satisfaction 5 / all responses.',
    'topBox',
    'responses',
  ),
  {
    name: 'nps',
    title: 'Net promoter score',
    unit: 'score',
    definition: '100 × (promoters, 9–10, − detractors, 0–6) / responses; from −100 to 100.',
    value: (k) => {
      const r = ratio(c(k, 'promoters') - c(k, 'detractors'), c(k, 'responses'));
      return r === null ? null : 100 * r;
    },
  },
  ratioFigure(
    'surveyResponseRate',
    'Survey response rate',
    'Completed visits with at least one survey response from the patient / completed visits.',
    'surveyedVisits',
    'completed',
  ),
  countFigure(
    'visitsReminded',
    'Visits ended, reminded',
    `Visits that ended completed or as a no-show and for which ${REMINDED}.`,
    'endedReminded',
  ),
  ratioFigure(
    'attendanceRateReminded',
    'Attendance rate, reminded',
    `Completed / (completed + no-shows), among visits for which ${REMINDED}.`,
    'attendedReminded',
    'endedReminded',
  ),
  {
    name: 'visitsNotReminded',
    title: 'Visits ended, not reminded',
    unit: 'count',
    definition:
      'Visits that ended completed or as a no-show and for which no reminder reached anyone (none sent, every one failed, or every one sent was refused by its address).',
    value: (k) => endedNotReminded(k),
  },
  {
    name: 'attendanceRateNotReminded',
    title: 'Attendance rate, not reminded',
    unit: 'ratio',
    definition:
      'Completed / (completed + no-shows), among visits for which no reminder reached anyone.',
    value: (k) => ratio(c(k, 'completed') - c(k, 'attendedReminded'), endedNotReminded(k)),
  },
  {
    name: 'bookedMinutes',
    title: 'Booked minutes',
    unit: 'minutes',
    definition: 'Scheduled minutes (end − start) of appointments not cancelled.',
    value: (k) => c(k, 'bookedMinutes') / MILLI,
  },
  {
    name: 'availableMinutes',
    title: 'Available minutes',
    unit: 'minutes',
    definition:
      'Minutes of telehealth availability in the providers’ schedules (weekly hours, minus closed days, with exception hours), for the providers and days in scope, from the latest ProviderScheduleDefined of each provider, from its effective date.',
    value: (k) => c(k, 'availableMinutes'),
  },
  {
    name: 'utilizationBooked',
    title: 'Provider utilization, booked',
    unit: 'ratio',
    definition: 'Booked minutes / available minutes.',
    value: (k) => ratio(c(k, 'bookedMinutes') / MILLI, c(k, 'availableMinutes')),
  },
  {
    name: 'utilizationCompleted',
    title: 'Provider utilization, completed',
    unit: 'ratio',
    definition: 'Minutes of completed visits / available minutes.',
    value: (k) => ratio(c(k, 'completedMinutes') / MILLI, c(k, 'availableMinutes')),
  },
  ratioFigure(
    'trainingCompliance',
    'Staff training compliance',
    'At the end of the period (or now, if earlier): staff whose telehealth credential is current (credentialed, not lapsed, not past `validUntil`) / staff known to training by then (enrolled, credentialed, or with a completed module). Over every clinic: everyone training knows; for one clinic (or the clinics an analyst is granted): the staff the directory lists in them. The visit-type filter does not apply; the provider filter does.',
    'staffCurrent',
    'staffKnown',
  ),
] as const satisfies readonly MetricDefinition[];

export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m.name);
