import { applyDecorators } from '@nestjs/common';
import { Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import type { WaitlistEntryResponse } from './waitlist-entry.response';

/** The PHI of one waitlist entry as the API returns it. */
export const WAITLIST_ENTRY_PHI =
  'the waitlist entry: patient, clinic and provider ids, visit type, the time the patient waits to beat, when they joined (and left), and the slots offered to them';

/** The roles that act on an entry, for the API docs. */
export const WAITLIST_ROLES = ['patient', 'coordinator', 'admin'] as const;

/** A route answering one entry: open to its patient and staff, each answer a PHI access. */
export const AnswersWaitlistEntry = () =>
  applyDecorators(
    Roles(...WAITLIST_ROLES),
    PhiRead({
      resource: 'Appointment',
      patients: (r) => [(r as WaitlistEntryResponse).patientId],
      resourceId: (r) => (r as WaitlistEntryResponse).waitlistEntryId,
    }),
  );
