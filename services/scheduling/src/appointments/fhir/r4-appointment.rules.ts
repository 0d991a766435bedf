/*
 * The FHIR R4 rules of an Appointment resource that our view must keep, hand-written from the
 * specification (hl7.org/fhir/R4/appointment.html): cardinalities, required bindings and the
 * invariants app-1..app-3. Used by the tests; not a general FHIR validator.
 */

const APPOINTMENT_STATUS = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
];
const PARTICIPANT_STATUS = ['accepted', 'declined', 'tentative', 'needs-action'];
const PARTICIPANT_REQUIRED = ['required', 'optional', 'information-only'];
const ACTOR_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
  'Device',
  'HealthcareService',
  'Location',
];
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const CODE = /^[^\s]+( [^\s]+)*$/;
const URI = /^\S+$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function codeableConcept(value: unknown, path: string, problems: string[]): void {
  if (!isObject(value)) return void problems.push(`${path} must be a CodeableConcept`);
  const coding = value['coding'];
  if (coding === undefined) return;
  if (!Array.isArray(coding) || coding.length === 0)
    return void problems.push(`${path}.coding must be a non-empty array`);
  coding.forEach((c: unknown, i) => {
    if (!isObject(c)) return void problems.push(`${path}.coding[${i}] must be a Coding`);
    if (typeof c['system'] !== 'string' || !URI.test(c['system']))
      problems.push(`${path}.coding[${i}].system must be a uri`);
    if (typeof c['code'] !== 'string' || !CODE.test(c['code']))
      problems.push(`${path}.coding[${i}].code must be a code`);
  });
}

/** Every R4 rule the resource breaks; empty when it conforms. */
export function r4AppointmentProblems(resource: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(resource)) return ['not a JSON object'];
  if (resource['resourceType'] !== 'Appointment') problems.push('resourceType must be Appointment');
  if (typeof resource['id'] !== 'string' || !ID.test(resource['id']))
    problems.push('id is not a FHIR id');
  const status = resource['status'];
  if (typeof status !== 'string' || !APPOINTMENT_STATUS.includes(status))
    problems.push('status (1..1) must be an AppointmentStatus code');
  for (const field of ['start', 'end', 'created']) {
    const value = resource[field];
    if (value !== undefined && (typeof value !== 'string' || !INSTANT.test(value)))
      problems.push(`${field} must be an instant`);
  }
  const hasStart = resource['start'] !== undefined;
  if (hasStart !== (resource['end'] !== undefined))
    problems.push('app-2: start and end go together');
  if (!hasStart && !['proposed', 'cancelled', 'waitlist'].includes(String(status)))
    problems.push('app-3: only proposed or cancelled appointments may lack start and end');
  const minutes = resource['minutesDuration'];
  if (minutes !== undefined && (!Number.isInteger(minutes) || (minutes as number) < 1))
    problems.push('minutesDuration must be a positiveInt');
  for (const field of ['serviceType']) {
    const list = resource[field];
    if (list !== undefined) {
      if (!Array.isArray(list)) problems.push(`${field} must be an array`);
      else list.forEach((c: unknown, i) => codeableConcept(c, `${field}[${i}]`, problems));
    }
  }
  for (const field of ['appointmentType', 'cancelationReason']) {
    if (resource[field] !== undefined) codeableConcept(resource[field], field, problems);
  }
  const participants = resource['participant'];
  if (!Array.isArray(participants) || participants.length === 0)
    return [...problems, 'participant (1..*) is required'];
  participants.forEach((p: unknown, i) => {
    const path = `participant[${i}]`;
    if (!isObject(p)) return void problems.push(`${path} must be an object`);
    if (typeof p['status'] !== 'string' || !PARTICIPANT_STATUS.includes(p['status']))
      problems.push(`${path}.status (1..1) must be a ParticipationStatus code`);
    if (p['required'] !== undefined && !PARTICIPANT_REQUIRED.includes(String(p['required'])))
      problems.push(`${path}.required must be a ParticipantRequired code`);
    if (p['type'] === undefined && p['actor'] === undefined)
      problems.push(`app-1: ${path} needs a type or an actor`);
    if (Array.isArray(p['type']))
      p['type'].forEach((t: unknown, j) => codeableConcept(t, `${path}.type[${j}]`, problems));
    const actor = p['actor'];
    if (actor !== undefined) {
      const reference = isObject(actor) ? actor['reference'] : undefined;
      const [type, id] = typeof reference === 'string' ? reference.split('/') : [];
      if (!type || !ACTOR_TYPES.includes(type) || !id || !ID.test(id))
        problems.push(`${path}.actor.reference must be <ResourceType>/<id> of an allowed type`);
    }
  });
  return problems;
}
