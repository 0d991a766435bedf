import type { RecordStaffMember } from './directory.commands';
import type { RecordViolation } from './directory.errors';
import { canonicalStaff, StaffRecord } from './directory-records';
import { RecordedEvent, RecordState, wholeRecordDecider } from './whole-record.decider';

export const STAFF_MEMBER_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';
export type StaffMemberRecorded = RecordedEvent<typeof STAFF_MEMBER_RECORDED, StaffRecord>;
export type StaffMemberState = RecordState<StaffRecord>;

export const staffMemberStream = (staffId: string): string => `staff-member-${staffId}`;

function violations(command: RecordStaffMember): RecordViolation[] {
  const { organizationId, clinicIds, functions, languages, licences } = command.record;
  const found: RecordViolation[] = [];
  if (command.organization?.organizationId !== organizationId)
    found.push({
      field: 'organizationId',
      reason: `organization ${organizationId} is not in the directory`,
    });
  clinicIds.forEach((clinicId, index) => {
    const clinic = command.clinics.find((known) => known.clinicId === clinicId);
    if (!clinic)
      found.push({
        field: `clinicIds[${index}]`,
        reason: `clinic ${clinicId} is not in the directory`,
      });
    else if (clinic.organizationId !== organizationId)
      found.push({
        field: `clinicIds[${index}]`,
        reason: `clinic ${clinicId} belongs to another organization`,
      });
  });
  // An interpreter is booked by language: one who speaks none could never be drawn.
  if (functions.includes('interpreter') && languages.length === 0)
    found.push({ field: 'languages', reason: 'an interpreter speaks at least one language' });
  const seen = new Set<string>();
  licences.forEach((licence, index) => {
    const key = `${licence.state} ${licence.number}`;
    if (seen.has(key)) found.push({ field: `licences[${index}]`, reason: `lists ${key} twice` });
    seen.add(key);
  });
  return found;
}

/** A staff member: what they do, in which clinics, the languages they speak, their licences. */
export const staffMemberDecider = wholeRecordDecider({
  eventType: STAFF_MEMBER_RECORDED,
  canonical: canonicalStaff,
  violations,
});
