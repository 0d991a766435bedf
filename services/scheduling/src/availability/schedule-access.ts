import { ForbiddenException } from '@nestjs/common';
import { coversAnyClinic, coversClinic, Principal } from '@thc/auth';
import { latestPeriod, ProviderSchedule } from './domain/schedule-rules';

/**
 * Free times are open to patients (to book) and providers (to refer); coordinators and admins
 * read a clinic's schedules and slots only for clinics they cover.
 */
const readsFreeTimes = (principal: Principal): boolean =>
  principal.roles.includes('patient') || principal.roles.includes('provider');

/** Slots of a clinic: refused (403) to staff who do not cover it, before anything is read. */
export function ensureClinicSlotsAccess(principal: Principal, clinicId: string): void {
  if (!readsFreeTimes(principal) && !coversClinic(principal, clinicId))
    throw new ForbiddenException('the clinic is not one you cover');
}

/**
 * A provider's schedule belongs to the clinics its periods name (one, unless a move to another
 * clinic is dated ahead): staff read it, and its slots, when they cover one of them.
 */
export function ensureScheduleReadable(principal: Principal, schedule: ProviderSchedule): void {
  const clinics = schedule.periods.map((period) => period.clinicId);
  if (!readsFreeTimes(principal) && !coversAnyClinic(principal, clinics))
    throw new ForbiddenException("the provider's schedule is in a clinic you do not cover");
}

/**
 * Defining a schedule: staff must cover the clinic it names and, when the provider has one
 * already, the clinic it is in now, so no one moves a provider out of another clinic.
 */
export function ensureScheduleWritable(
  principal: Principal,
  clinicId: string,
  current: ProviderSchedule | undefined,
): void {
  const now = current && latestPeriod(current)?.clinicId;
  if (!coversClinic(principal, clinicId) || (now !== undefined && !coversClinic(principal, now)))
    throw new ForbiddenException("the schedule's clinic is not one you cover");
}
