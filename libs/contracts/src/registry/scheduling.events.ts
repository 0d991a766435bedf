import type { ContextRegistry } from './event-definition';
import { appointmentBookedV1 } from './scheduling/appointment-booked.event';
import { appointmentCancelledV1 } from './scheduling/appointment-cancelled.event';
import { appointmentCheckedInV1 } from './scheduling/appointment-checked-in.event';
import { appointmentCompletedV1 } from './scheduling/appointment-completed.event';
import { appointmentNoShowV1 } from './scheduling/appointment-no-show.event';
import { appointmentRequestedV1 } from './scheduling/appointment-requested.event';
import { appointmentRescheduledV1 } from './scheduling/appointment-rescheduled.event';
import { interpreterAssignedV1 } from './scheduling/interpreter-assigned.event';
import {
  providerScheduleDefinedV1,
  providerScheduleDefinedV1ToV2,
  providerScheduleDefinedV2,
} from './scheduling/provider-schedule-defined.event';
import { patientProfileRecordedV1 } from './scheduling/patient-profile-recorded.event';
import { reminderDueV1 } from './scheduling/reminder-due.event';
import { waitlistJoinedV1 } from './scheduling/waitlist-joined.event';
import { waitlistLeftV1 } from './scheduling/waitlist-left.event';
import { waitlistOfferExpiredV1 } from './scheduling/waitlist-offer-expired.event';
import { waitlistSlotOfferedV1 } from './scheduling/waitlist-slot-offered.event';
import { clinicRecordedV1 } from './scheduling/directory/clinic-recorded.event';
import { organizationRecordedV1 } from './scheduling/directory/organization-recorded.event';
import { staffMemberRecordedV1 } from './scheduling/directory/staff-member-recorded.event';
import { TOPICS } from './topics';

/** What the scheduling service publishes on `thc.scheduling.v1`. */
export const schedulingRegistry = {
  context: 'scheduling',
  topic: TOPICS.scheduling,
  producer: { service: 'scheduling', source: '/thc/scheduling' },
  description:
    'Provider telehealth availability, appointments and their outcomes, reminders, waitlist, the minimum record of each patient, and the directory of organizations, clinics and staff.',
  streams: {
    providerSchedule: {
      prefix: 'provider-schedule',
      idField: 'providerId',
      description: "One provider's telehealth availability.",
    },
    appointment: {
      prefix: 'appointment',
      idField: 'appointmentId',
      description: 'One appointment, from request to outcome, with its reminders.',
    },
    waitlistEntry: {
      prefix: 'waitlist-entry',
      idField: 'waitlistEntryId',
      description: "One patient's place on a waitlist and the slots offered to it.",
    },
    organization: {
      prefix: 'organization',
      idField: 'organizationId',
      description: 'One organization of the directory.',
    },
    clinic: {
      prefix: 'clinic',
      idField: 'clinicId',
      description: 'One clinic of the directory: where it is, its time zone.',
    },
    staffMember: {
      prefix: 'staff-member',
      idField: 'staffId',
      description: 'One staff member of the directory: what they do, where, their licences.',
    },
    patientProfile: {
      prefix: 'patient-profile',
      idField: 'patientId',
      description:
        "One patient's minimum record: preferred language (sealed) and state of residence.",
    },
  },
  events: [
    providerScheduleDefinedV1,
    providerScheduleDefinedV2,
    appointmentRequestedV1,
    appointmentBookedV1,
    appointmentRescheduledV1,
    appointmentCancelledV1,
    appointmentCheckedInV1,
    appointmentCompletedV1,
    appointmentNoShowV1,
    interpreterAssignedV1,
    reminderDueV1,
    waitlistJoinedV1,
    waitlistSlotOfferedV1,
    waitlistOfferExpiredV1,
    waitlistLeftV1,
    organizationRecordedV1,
    clinicRecordedV1,
    staffMemberRecordedV1,
    patientProfileRecordedV1,
  ],
  upcasters: [providerScheduleDefinedV1ToV2],
} as const satisfies ContextRegistry<'scheduling'>;

export type { WaitlistJoinedV1 } from './scheduling/waitlist-joined.event';
export type { ClinicRecordedV1 } from './scheduling/directory/clinic-recorded.event';
export type { OrganizationRecordedV1 } from './scheduling/directory/organization-recorded.event';
export type { PatientProfileRecordedV1 } from './scheduling/patient-profile-recorded.event';
export type { StaffMemberRecordedV1 } from './scheduling/directory/staff-member-recorded.event';
export * from './scheduling/directory/staff-display-name';
