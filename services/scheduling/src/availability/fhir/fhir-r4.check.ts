import { SLOT_STATUSES } from './fhir-resources';

/*
 * A small hand-written check of the R4 rules these views must meet (not a full FHIR validator):
 * required elements (Slot: schedule, status, start, end; Schedule: actor; Bundle: type), the
 * allowed codes of Slot.status, Bundle.type and entry.search.mode, id syntax and instants with
 * seconds and an offset. Used by the tests.
 */
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BUNDLE_TYPES = [
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection',
];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function slotProblems(slot: Json, at: string): string[] {
  const problems: string[] = [];
  if (typeof slot['id'] !== 'string' || !ID.test(slot['id']))
    problems.push(`${at}.id is not a FHIR id`);
  if (!isObject(slot['schedule']) || typeof slot['schedule']['reference'] !== 'string')
    problems.push(`${at}.schedule is required`);
  if (!(SLOT_STATUSES as readonly unknown[]).includes(slot['status']))
    problems.push(`${at}.status is not a Slot status code`);
  for (const field of ['start', 'end'])
    if (typeof slot[field] !== 'string' || !INSTANT.test(slot[field]))
      problems.push(`${at}.${field} is not an instant`);
  if (
    typeof slot['start'] === 'string' &&
    typeof slot['end'] === 'string' &&
    Date.parse(slot['end']) <= Date.parse(slot['start'])
  )
    problems.push(`${at}.end is not after start`);
  return problems;
}

/** Problems of a Slot, a Schedule or a Bundle of them; empty when it meets the rules above. */
export function r4Problems(resource: unknown, at = 'resource'): string[] {
  if (!isObject(resource)) return [`${at} is not a resource`];
  switch (resource['resourceType']) {
    case 'Slot':
      return slotProblems(resource, at);
    case 'Schedule': {
      const actor = resource['actor'];
      const ok =
        Array.isArray(actor) &&
        actor.length > 0 &&
        actor.every((a) => isObject(a) && typeof a['reference'] === 'string');
      return ok ? [] : [`${at}.actor needs at least one reference`];
    }
    case 'Bundle': {
      const problems = BUNDLE_TYPES.includes(String(resource['type']))
        ? []
        : [`${at}.type is not a Bundle type code`];
      const entries = Array.isArray(resource['entry']) ? resource['entry'] : [];
      entries.forEach((entry: unknown, i) => {
        const where = `${at}.entry[${i}]`;
        if (!isObject(entry)) return problems.push(`${where} is not an entry`);
        if (typeof entry['fullUrl'] !== 'string' || !/^https?:\/\//.test(entry['fullUrl']))
          problems.push(`${where}.fullUrl is not absolute`);
        if (
          resource['type'] === 'searchset' &&
          (!isObject(entry['search']) ||
            !['match', 'include', 'outcome'].includes(String(entry['search']['mode'])))
        )
          problems.push(`${where}.search.mode is not a search mode code`);
        return problems.push(...r4Problems(entry['resource'], `${where}.resource`));
      });
      return problems;
    }
    default:
      return [`${at}.resourceType is not Slot, Schedule or Bundle`];
  }
}
