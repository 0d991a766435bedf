import type { EventDataOf } from '@thc/contracts';
import { randomUUID } from 'node:crypto';

export const STAFF_MEMBER_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';
export const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
export const LAPSED = 'thc.training.StaffCredentialLapsed.v1';
export const CLINIC_RECORDED = 'thc.scheduling.ClinicRecorded.v1';

/** A contract-valid directory record of a clinic in New York. */
export function clinicRecorded(
  clinicId: string,
  name = 'Riverside Telehealth Clinic',
): EventDataOf<typeof CLINIC_RECORDED> {
  return {
    clinicId,
    organizationId: randomUUID(),
    name,
    timeZone: 'America/New_York',
    address: { lines: ['1 River Road'], city: 'Albany', state: 'NY', postalCode: '12207' },
    active: true,
    recordedAt: new Date().toISOString(),
    recordedBy: { kind: 'system', service: 'scheduling' },
  };
}

/** A contract-valid directory record of a provider licensed in `states` until next year. */
export function staffMemberRecorded(
  staffId: string,
  ...states: string[]
): EventDataOf<typeof STAFF_MEMBER_RECORDED> {
  const expiresOn = `${new Date().getUTCFullYear() + 1}-12-31`;
  return {
    staffId,
    organizationId: randomUUID(),
    name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
    functions: ['provider'],
    clinicIds: [],
    languages: ['en'],
    licences: states.map((state, i) => ({ state, number: `L-${i + 1}`, expiresOn })),
    active: true,
    recordedAt: new Date().toISOString(),
    recordedBy: { kind: 'system', service: 'scheduling' },
  };
}

/** A contract-valid telehealth credential, valid for a year. */
export function staffCredentialed(staffId: string): EventDataOf<typeof CREDENTIALED> {
  return {
    staffId,
    role: 'provider',
    credentialedAt: new Date().toISOString(),
    validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    certificationIds: [randomUUID()],
  };
}
