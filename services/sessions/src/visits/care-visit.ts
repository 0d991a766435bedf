import { CareVisit } from '@thc/auth';
import type { Session } from './domain/session.state';

/**
 * A session as a visit of the care relationship: it ends when it ended (or is due to), and a
 * session closed because its appointment was cancelled counts only until that cancellation.
 */
export function careVisitOf(session: Session): CareVisit {
  if (session.outcome === 'cancelled')
    return { end: session.scheduledEnd, cancelledAt: session.endedAt ?? session.scheduledStart };
  return { end: session.endedAt ?? session.scheduledEnd };
}
