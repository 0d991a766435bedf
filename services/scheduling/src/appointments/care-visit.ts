import { CareVisit } from '@thc/auth';
import { Scheduled } from './domain/appointment.state';

/**
 * An appointment as a visit of the care relationship: its end, and for a cancelled one when it
 * was cancelled (the booking time if that is missing, so a cancelled visit never opens more).
 */
export function careVisitOf(appointment: Scheduled): CareVisit {
  if (appointment.status !== 'cancelled') return { end: appointment.end };
  return {
    end: appointment.end,
    cancelledAt: appointment.cancellation?.at ?? appointment.bookedAt,
  };
}
