import { BookedVisit } from './bookings.steps';

/** What the scenario did, counted by the test itself: the figures analytics must agree with. */
export interface ClinicFigures {
  scheduled: number;
  cancelled: number;
  lateCancelled: number;
  completed: number;
  noShow: number;
}

export class DayLedger {
  readonly booked: BookedVisit[] = [];
  readonly cancelled = new Map<string, { late: boolean }>();
  readonly completed = new Set<string>();
  readonly noShow = new Set<string>();

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
