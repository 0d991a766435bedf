import { IANAZone } from 'luxon';
import type { RecordClinic } from './directory.commands';
import type { RecordViolation } from './directory.errors';
import { ClinicRecord, withoutUndefined } from './directory-records';
import { RecordedEvent, RecordState, wholeRecordDecider } from './whole-record.decider';

export const CLINIC_RECORDED = 'thc.scheduling.ClinicRecorded.v1';
export type ClinicRecorded = RecordedEvent<typeof CLINIC_RECORDED, ClinicRecord>;
export type ClinicState = RecordState<ClinicRecord>;

export const clinicStream = (clinicId: string): string => `clinic-${clinicId}`;

function violations(command: RecordClinic, state: ClinicState): RecordViolation[] {
  const { organizationId, timeZone } = command.record;
  const found: RecordViolation[] = [];
  if (command.organization?.organizationId !== organizationId)
    found.push({
      field: 'organizationId',
      reason: `organization ${organizationId} is not in the directory`,
    });
  // Its staff were recorded as the organization's: moving the clinic would split them.
  else if (state.status === 'recorded' && state.record.organizationId !== organizationId)
    found.push({
      field: 'organizationId',
      reason: `the clinic belongs to organization ${state.record.organizationId}`,
    });
  if (!IANAZone.isValidZone(timeZone))
    found.push({ field: 'timeZone', reason: `${timeZone} is not an IANA time zone` });
  return found;
}

/** A clinic of an organization: where it is, the time zone its visits are booked in. */
export const clinicDecider = wholeRecordDecider({
  eventType: CLINIC_RECORDED,
  canonical: (record: ClinicRecord) => withoutUndefined(record),
  violations,
});
