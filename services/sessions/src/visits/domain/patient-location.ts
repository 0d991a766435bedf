import type { Session } from './session.state';

/**
 * How long a confirmation of where the patient is counts for a start. Licensure follows the
 * patient's location at the time of the visit, so a confirmation from the day before (or from
 * before a long delay) is asked again.
 */
export const LOCATION_CONFIRMATION_VALID_MINUTES = 60;

/** The state the patient confirmed for a start at `at`, if the confirmation is recent enough. */
export function confirmedStateAt(session: Session, at: string): string | undefined {
  const location = session.patientLocation;
  if (!location) return undefined;
  const age = Date.parse(at) - Date.parse(location.confirmedAt);
  return age <= LOCATION_CONFIRMATION_VALID_MINUTES * 60_000 ? location.state : undefined;
}
