import { PhiRead } from '@thc/service-runtime';
import type { WaitlistEntryResponse } from './waitlist-entry.response';

/** The PHI of one waitlist entry as the API returns it. */
export const WAITLIST_ENTRY_PHI =
  'the waitlist entry: patient, clinic and provider ids, visit type, the time the patient waits to beat, when they joined (and left), and the slots offered to them';

/** The roles that act on an entry: the routes' UseCaseRoute admits and documents them. */
export const WAITLIST_ROLES = ['patient', 'coordinator', 'admin'] as const;

/** A route answering one entry: each answer is a PHI access of the entry's patient. */
export const AnswersWaitlistEntry = () =>
  PhiRead({
    resource: 'Appointment',
    patients: (r) => [(r as WaitlistEntryResponse).patientId],
    resourceId: (r) => (r as WaitlistEntryResponse).waitlistEntryId,
  });
