import type { VisitFacts } from '../../delivery/domain/planned-message';

/**
 * What the service has followed of an appointment (its visit status view), as the planners need
 * it for events that do not restate it: a move or a cancellation names neither the patient nor
 * the visit's kind.
 */
export interface KnownAppointment {
  readonly patientId: string;
  readonly caregiverIds: readonly string[];
  readonly visit: VisitFacts;
  /** The calendar entry's sequence as it stands after the change being planned. */
  readonly sequence: number;
}
