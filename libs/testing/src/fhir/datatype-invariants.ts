import {
  crawlTypedValue,
  evalFhirPathTyped,
  isPrimitiveType,
  toTypedValue,
  tryGetDataType,
  UCUM,
  type TypedValue,
} from '@medplum/core';

/*
 * Medplum's validator evaluates the invariants an element's own definition lists, but not those
 * of the data type it holds: a Period whose end comes before its start (per-1), a Quantity
 * with a comparator where none is allowed, and so on pass it. The HL7 validator checks them on
 * every value; this does the same with Medplum's FHIRPath engine and the R4 type definitions.
 */

// ele-1 (every element has a value or children) is left out as Medplum leaves it out: JSON
// has no empty elements to find.
const SKIPPED = new Set(['ele-1']);

/**
 * Only an invariant that evaluates to false is broken. One that evaluates to nothing does not
 * apply: R4's ref-1 says nothing of a reference with a display alone (R5 writes it out as
 * `reference.exists() implies ...`).
 */
const isFalse = (result: readonly TypedValue[]): boolean =>
  result.length === 1 && result[0]?.value === false;

/** The resources a value sits in, innermost last: FHIRPath's %resource and %rootResource. */
type Resources = readonly TypedValue[];

function invariantIssues(value: TypedValue & { path?: string }, resources: Resources): string[] {
  if (isPrimitiveType(value.type)) return [];
  const schema = tryGetDataType(value.type);
  if (!schema || schema.kind !== 'complex-type') return [];
  const resource = resources.at(-1);
  // A contained resource's root is the resource that contains it.
  const root = value.path?.includes('.contained[') ? resources.at(-2) : resource;
  const variables = {
    '%context': value,
    '%ucum': toTypedValue(UCUM),
    ...(resource ? { '%resource': resource } : {}),
    ...(root ? { '%rootResource': root } : {}),
  };
  const at = value.path ?? value.type;
  return (schema.constraints ?? [])
    .filter((c) => c.severity === 'error' && !SKIPPED.has(c.key))
    .flatMap((c) => {
      try {
        const result = evalFhirPathTyped(c.expression, [value], variables);
        return isFalse(result) ? [`${at}: Constraint ${c.key} not met: ${c.description}`] : [];
      } catch (error) {
        return [`${at}: Constraint ${c.key} could not be evaluated: ${String(error)}`];
      }
    });
}

/** Issues (`<path>: <text>`) of the data-type invariants the values in a resource break. */
export function datatypeInvariantIssues(resource: object): string[] {
  const issues: string[] = [];
  const resources: TypedValue[] = [];
  crawlTypedValue(toTypedValue(resource), {
    onEnterResource: (_path, value) => void resources.push(value),
    onExitResource: () => void resources.pop(),
    visitProperty: (_parent, _key, _path, values) => {
      for (const value of values.flat()) issues.push(...invariantIssues(value, resources));
    },
  });
  return issues;
}
