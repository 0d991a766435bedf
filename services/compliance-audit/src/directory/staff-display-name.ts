import type { EventDataOf } from '@thc/contracts';

type StaffName = EventDataOf<'thc.scheduling.StaffMemberRecorded.v1'>['name'];

/** A staff member's name as people read it: prefix, given names, family ("Dr. Adaeze Okafor"). */
export const displayNameOf = (name: StaffName): string =>
  [...(name.prefix ?? []), ...name.given, name.family].join(' ');
