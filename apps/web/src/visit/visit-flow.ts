/** Where the holder stands in their visit, as sessions tells it. */
export type VisitState = 'scheduled' | 'waiting' | 'provider-joining' | 'admitted' | 'ended';
export type VisitRole = 'patient' | 'provider' | 'interpreter' | 'caregiver';

/** The screens of the visit page, in the order a patient meets them. */
export type VisitStage = 'consent' | 'declined' | 'check' | 'live' | 'survey' | 'thanks';

export interface VisitFacts {
  readonly role: VisitRole;
  readonly state: VisitState;
  readonly surveyed: boolean;
  readonly consentOnRecord: boolean;
}

/** What the page itself did since it opened. */
export interface PageProgress {
  readonly consentGiven: boolean;
  readonly consentDeclined: boolean;
  readonly surveyAnswered: boolean;
}

/**
 * The screen for where the holder stands. Only the patient gives consent (asked only when none
 * is on record) and answers the survey; interpreters and caregivers go from the device check
 * to the visit and end with a thank-you.
 */
export function stageOf(visit: VisitFacts, progress: PageProgress): VisitStage {
  const patient = visit.role === 'patient';
  if (visit.state === 'ended')
    return patient && !visit.surveyed && !progress.surveyAnswered ? 'survey' : 'thanks';
  if (visit.state !== 'scheduled') return 'live';
  if (patient && !visit.consentOnRecord && !progress.consentGiven)
    return progress.consentDeclined ? 'declined' : 'consent';
  return 'check';
}

/** Whether the page speaks of "your visit" (the patient's) or "the visit" (everyone else's). */
export const ownsVisit = (role: VisitRole): boolean => role === 'patient';
