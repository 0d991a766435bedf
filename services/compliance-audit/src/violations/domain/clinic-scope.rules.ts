import { isClinicScopedRole, isRole } from '@thc/auth';
import { Finding } from './violation';

/** A PHI read by a staff member, with what the directory and the visits say about clinics. */
export interface ScopedRead {
  readonly eventId: string;
  readonly actorId: string;
  readonly role: string;
  readonly patientId: string;
  readonly at: string;
}

/**
 * PHI read by a person outside the clinic: a coordinator, trainer, auditor, analyst or admin
 * whose clinics in the directory include none of the clinics the patient has visits in.
 * Judged only on what is known: a reader the directory does not list, or a patient with no
 * visit the trail has seen, gives no finding (the directory and the bookings travel on another
 * topic than the read, which is why the check waits a little before judging).
 */
export function judgeClinicScope(
  read: ScopedRead,
  readerClinics: readonly string[] | undefined,
  patientClinics: readonly string[],
): Finding[] {
  if (read.actorId === read.patientId) return [];
  if (!isRole(read.role) || !isClinicScopedRole(read.role)) return [];
  if (readerClinics === undefined || patientClinics.length === 0) return [];
  if (patientClinics.some((clinic) => readerClinics.includes(clinic))) return [];
  return [
    {
      rule: 'phi-access-outside-clinic',
      severity: 'high',
      actorId: read.actorId,
      patientId: read.patientId,
      evidenceEventIds: [read.eventId],
    },
  ];
}
