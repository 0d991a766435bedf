/** The PHI of one appointment as the API returns it. */
export const APPOINTMENT_PHI =
  'patient, provider, clinic and participant ids; visit type, time and status; earlier slots; the coded cancellation reason (free-text reasons are stored sealed and never returned)';

/** Why a booking or a move to another slot is refused with 409, as one clause. */
export const BOOKING_CONFLICTS =
  "the time is taken (the provider or the patient has another visit then), the provider's schedule does not offer this slot (the detail names why), the provider's telehealth credential is not current until the visit ends, the provider holds no licence active through the visit in the state where the patient will be (the detail names the state and the licences they hold), no interpreter of the language is credentialed, at work and free then (or the one named is not), or the booking took too long and gave its time back (try again)";

/** The rules of time and participants a booking breaks with 422. */
export const SLOT_RULES =
  "The visit ends before it starts, or starts in the past; the interpreter named is not in the directory, does not interpret the language or is the visit's provider; or an interpreter is both named and asked on demand.";

/** The 403 of an operation on one appointment, for the roles it admits. */
export const NOT_YOURS =
  "The role is not one admitted here, or the caller is neither the appointment's own patient or provider nor a coordinator or admin who covers its clinic.";

/** The 403 of reads and changes of one appointment: a provider's end with the care relationship. */
export const NOT_YOURS_OR_CARE_ENDED = `${NOT_YOURS.slice(0, -1)}, or the provider's care window (CARE_RELATIONSHIP_DAYS, default 90, after their last visit with the patient; a cancelled visit only until its cancellation) has closed.`;

/** The 404 of an operation on one appointment. */
export const NO_SUCH_APPOINTMENT =
  'No appointment with this id (a request not yet booked counts as none).';
