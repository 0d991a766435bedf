import { crawlTypedValue, toTypedValue, type TypedValue } from '@medplum/core';
import { conceptsOf } from './r4-terminology';

/*
 * A Coding of an HL7 code system must name a code that system has, and its display, when
 * given, must be the code's display (or one of its designations). Medplum's validator checks
 * neither; the HL7 validator reports both (a wrong display as a warning, which fails a test
 * here all the same). Only code systems that the R4 definitions list in full are checked:
 * LOINC, SNOMED CT, DICOM and the platform's own systems are not.
 */

interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function codingIssues(value: TypedValue & { path?: string }): string[] {
  const { system, code, display } = value.value as Coding;
  const concepts = system ? conceptsOf(system) : undefined;
  if (!concepts || !code) return [];
  const at = value.path ?? 'Coding';
  const concept = concepts.find((c) => c.code === code);
  if (!concept) return [`${at}: unknown code "${code}" in ${system}`];
  const known = [concept.display, ...(concept.designation ?? []).map((d) => d.value)];
  if (display === undefined || known.some((shown) => shown !== undefined && same(shown, display)))
    return [];
  return [`${at}: wrong display "${display}" for ${system}#${code}: "${concept.display}"`];
}

/** Issues (`<path>: <text>`) of Codings that misname a code of an HL7 code system. */
export function knownCodeIssues(resource: object): string[] {
  const issues: string[] = [];
  crawlTypedValue(toTypedValue(resource), {
    visitProperty: (_parent, _key, _path, values) => {
      for (const value of values.flat())
        if (value.type === 'Coding') issues.push(...codingIssues(value));
    },
  });
  return issues;
}
