/** The Today answer of the sessions service: every visit of the coordinator's day, live. */
export const VISIT_STATES = [
  'booked',
  'checked-in',
  'device-check-failed',
  'waiting',
  'in-progress',
  'audio-only',
  'ended',
  'no-show',
  'cancelled',
] as const;
export type VisitState = (typeof VISIT_STATES)[number];

export interface MissingForVisit {
  /** What is missing, as people read it ("telehealth consent"). */
  readonly what: string;
  /** Whom to ask for it ("the patient", "the provider's trainer"). */
  readonly ask: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly consent: 'on-record' | 'missing';
  readonly credential: 'current' | 'expiring' | 'expired' | 'missing';
  readonly missing: readonly MissingForVisit[];
}

export interface TodayVisit {
  readonly sessionId: string;
  readonly appointmentId: string;
  readonly clinicId: string;
  readonly clinicName: string;
  readonly timeZone: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly patientId: string;
  readonly scheduledStart: string;
  readonly scheduledEnd: string;
  readonly state: VisitState;
  readonly waitingMinutes?: number;
  readonly openIssues: number;
  readonly interpreter?: { readonly participantId: string; readonly name?: string };
  readonly readiness: Readiness;
}

export interface TodayBoard {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly visits: readonly TodayVisit[];
}

/** The local day around `now`, as the instants the API takes (`from` inclusive, `to` exclusive). */
export function dayBounds(now: Date): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The query of the board and of its stream, for a day (and optionally one clinic). */
export function boardQuery(day: { from: string; to: string }, clinicId?: string): string {
  const query = new URLSearchParams({ from: day.from, to: day.to });
  if (clinicId) query.set('clinicId', clinicId);
  return query.toString();
}
