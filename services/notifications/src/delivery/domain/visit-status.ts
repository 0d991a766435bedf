/** Where a visit stands now, as the notifications service has followed it from events. */
export interface VisitStatus {
  readonly appointmentId: string;
  readonly start: string;
  readonly status: 'booked' | 'cancelled' | 'completed' | 'no-show';
  readonly sessionId?: string;
  readonly arrivedAt?: string;
  readonly admittedAt?: string;
  readonly endedAt?: string;
  /** The patient answered the survey. */
  readonly surveyedAt?: string;
}

/** Reads a visit's current status by its appointment id (one read by _id). */
export interface VisitStatusReader {
  statusOf(appointmentId: string): Promise<VisitStatus | undefined>;
}

export const VISIT_STATUS = Symbol('VISIT_STATUS');
