/** The parts of a directory name (`StaffMemberRecorded.name`, FHIR HumanName's). */
export interface StaffNameParts {
  readonly family: string;
  readonly given: readonly string[];
  readonly prefix?: readonly string[];
}

/**
 * A staff member's name as people read it: prefixes, given names, family ("Dr. Adaeze Okafor").
 * One rule for every service that names staff from the directory's events.
 */
export function staffDisplayName(name: StaffNameParts): string {
  return [...(name.prefix ?? []), ...name.given, name.family].join(' ');
}
