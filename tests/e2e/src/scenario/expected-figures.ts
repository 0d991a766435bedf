import { BookedVisit } from './bookings.steps';

/** What the scenario did, counted by the test itself: the figures analytics must agree with. */
export interface ClinicFigures {
  scheduled: number;
  cancelled: number;
  lateCancelled: number;
  completed: number;
  noShow: number;
}

/** Visit-quality figures of one clinic on one day, computed as the metric definitions say. */
export interface ClinicDayRates {
  audioOnlyRate: number | null;
  satisfactionMean: number | null;
  nps: number | null;
  surveyResponseRate: number | null;
  preVisitCheckFailureRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const dayOf = (visit: BookedVisit) => visit.start.toISOString().slice(0, 10);

export class DayLedger {
  readonly booked: BookedVisit[] = [];
  readonly cancelled = new Map<string, { late: boolean }>();
  readonly completed = new Set<string>();
  readonly noShow = new Set<string>();
  readonly audioOnly = new Set<string>();
  /**
   * When the test first acted on a visit (cancelled it, or began to run it): until then the
   * visit was booked and left alone, so every message due about it had to go out.
   */
  readonly touchedAt = new Map<string, Date>();
  /** From the check-in to the last step, for each visit the test ran. */
  readonly ran = new Map<string, { readonly from: Date; readonly to: Date }>();
  private readonly startedVisits = new Set<string>();
  private readonly checks = new Map<string, boolean>();
  private readonly surveys = new Map<string, { overall: number; recommend: number }>();

  touched(visit: BookedVisit, at: Date): void {
    if (!this.touchedAt.has(visit.appointmentId)) this.touchedAt.set(visit.appointmentId, at);
  }

  started(visit: BookedVisit): void {
    this.startedVisits.add(visit.appointmentId);
  }

  check(visit: BookedVisit, failed: boolean): void {
    this.checks.set(visit.appointmentId, failed);
  }

  surveyed(visit: BookedVisit, overall: number, recommend: number): void {
    this.surveys.set(visit.appointmentId, { overall, recommend });
  }

  /** Booked visits the day left alone: not cancelled, checked, started or closed. */
  untouched(): BookedVisit[] {
    return this.booked.filter(
      ({ appointmentId: id }) =>
        !this.cancelled.has(id) &&
        !this.startedVisits.has(id) &&
        !this.checks.has(id) &&
        !this.completed.has(id) &&
        !this.noShow.has(id),
    );
  }

  /** Rates per `clinicId|YYYY-MM-DD` for the clinic-days where visits ran. */
  ratesByClinicDay(): Map<string, ClinicDayRates> {
    const groups = new Map<string, BookedVisit[]>();
    for (const visit of this.booked) {
      const key = `${visit.clinicId}|${dayOf(visit)}`;
      groups.set(key, [...(groups.get(key) ?? []), visit]);
    }
    const rates = new Map<string, ClinicDayRates>();
    for (const [key, visits] of groups) {
      const ids = visits.map((v) => v.appointmentId);
      const count = (set: { has(id: string): boolean }) => ids.filter((id) => set.has(id)).length;
      const answers = ids.flatMap((id) => this.surveys.get(id) ?? []);
      const checks = ids.flatMap((id) => (this.checks.has(id) ? [this.checks.get(id)!] : []));
      if (checks.length === 0 && answers.length === 0) continue;
      const promoters = answers.filter((a) => a.recommend >= 9).length;
      const detractors = answers.filter((a) => a.recommend <= 6).length;
      const nps = ratio(promoters - detractors, answers.length);
      rates.set(key, {
        audioOnlyRate: ratio(count(this.audioOnly), count(this.startedVisits)),
        satisfactionMean: ratio(
          answers.reduce((sum, a) => sum + a.overall, 0),
          answers.length,
        ),
        nps: nps === null ? null : 100 * nps,
        surveyResponseRate: ratio(
          ids.filter((id) => this.completed.has(id) && this.surveys.has(id)).length,
          count(this.completed),
        ),
        preVisitCheckFailureRate: ratio(checks.filter(Boolean).length, checks.length),
      });
    }
    return rates;
  }

  byClinic(): Map<string, ClinicFigures> {
    const figures = new Map<string, ClinicFigures>();
    for (const visit of this.booked) {
      const f = figures.get(visit.clinicId) ?? {
        scheduled: 0,
        cancelled: 0,
        lateCancelled: 0,
        completed: 0,
        noShow: 0,
      };
      f.scheduled += 1;
      const cancelled = this.cancelled.get(visit.appointmentId);
      if (cancelled) {
        f.cancelled += 1;
        if (cancelled.late) f.lateCancelled += 1;
      }
      if (this.completed.has(visit.appointmentId)) f.completed += 1;
      if (this.noShow.has(visit.appointmentId)) f.noShow += 1;
      figures.set(visit.clinicId, f);
    }
    return figures;
  }
}
