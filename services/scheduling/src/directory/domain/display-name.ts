import type { StaffRecord } from './directory-records';

/** A staff member's name as people read it: prefix, given names, family ("Dr. Adaeze Okafor"). */
export function displayNameOf(name: StaffRecord['name']): string {
  return [...(name.prefix ?? []), ...name.given, name.family].join(' ');
}
