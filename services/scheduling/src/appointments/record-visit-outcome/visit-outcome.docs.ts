import type { AppointmentCommandDoc } from '../appointment-command.route';
import {
  CHECK_IN_EXAMPLE,
  CheckInDto,
  COMPLETE_EXAMPLE,
  CompleteDto,
  NO_SHOW_EXAMPLE,
  NoShowDto,
} from './visit-outcome.dto';

/** Outcomes the patient has no say in: the visit's provider, or staff of its clinic. */
const BY_PROVIDER_OR_STAFF = {
  roles: ['provider', 'coordinator', 'admin'],
  forbidden:
    "The role is not one admitted here, or the caller is neither the appointment's own provider nor a coordinator or admin who covers its clinic, or the provider's care window (CARE_RELATIONSHIP_DAYS, default 90, after their last visit with the patient; a cancelled visit only until its cancellation) has closed.",
} as const;

/** The routes of the visit's outcomes, as their API documents them. */
export const VISIT_OUTCOME_ROUTES = {
  checkIn: {
    action: 'check-in',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    summary: 'Check the patient in',
    description:
      'Records that the patient arrived for the visit, in the virtual session named; the appointment becomes `arrived`.',
    conflict:
      'The appointment is not booked (cancelled, already arrived, or the visit took place or was missed), or it changed at the same time.',
    body: { type: CheckInDto, example: CHECK_IN_EXAMPLE },
    answer: 'The appointment, arrived',
  },
  noShow: {
    ...BY_PROVIDER_OR_STAFF,
    action: 'no-show',
    summary: 'Record a no-show',
    description:
      'Records that the patient or the provider did not come, once the visit should have started; the appointment becomes `noshow`. A patient who arrived is not a patient no-show, but the provider may still be absent.',
    conflict:
      'The appointment is not booked (for a patient no-show) or neither booked nor arrived (for a provider no-show), or it changed at the same time.',
    unprocessable: 'The visit has not started yet.',
    body: { type: NoShowDto, example: NO_SHOW_EXAMPLE },
    answer: 'The appointment, no-show',
  },
  complete: {
    ...BY_PROVIDER_OR_STAFF,
    action: 'complete',
    summary: 'Complete the visit',
    description:
      'Records that the visit took place, from when to when; the appointment becomes `fulfilled`. The patient must have checked in.',
    conflict:
      'The patient has not checked in (or the visit was completed, cancelled or missed), or the appointment changed at the same time.',
    unprocessable: 'The visit ends before it started, or ends in the future.',
    body: { type: CompleteDto, example: COMPLETE_EXAMPLE },
    answer: 'The appointment, fulfilled',
  },
} as const satisfies Record<string, AppointmentCommandDoc>;
