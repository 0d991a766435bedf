import { eventDefinition } from '@thc/contracts';
import { AuditAction, AuditActor, AuditOutcome, AuditRecord } from './audit-record';

/** The CloudEvent as the trail receives it (a subset of the consumer's ConsumedEvent). */
export interface AuditedEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly traceparent?: string;
  readonly extensions?: Readonly<Record<string, string>>;
  readonly data: unknown;
}

/** What other events told the trail about a stream (e.g. the patient of a session). */
export interface StreamLinks {
  readonly patientId?: string;
}

const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

// Action per event name where the verb alone would mislead; other names go by their verb.
const ACTIONS: Readonly<Record<string, AuditAction>> = {
  AppointmentCheckedIn: 'U',
  AppointmentCompleted: 'U',
  AppointmentNoShow: 'U',
  AppointmentRescheduled: 'U',
  ReminderDue: 'E',
  ConsentGivenAtJoin: 'C',
  PatientArrivedInWaitingRoom: 'E',
  PatientAdmitted: 'E',
  ParticipantJoined: 'E',
  ParticipantLeft: 'E',
  SessionStarted: 'E',
  SessionEnded: 'E',
  SessionStartRefused: 'E',
  SwitchedToAudioOnly: 'U',
  ConnectionQualitySampled: 'C',
  CredentialExpiryWarning: 'E',
  StaffCredentialLapsed: 'U',
  ViolationDetected: 'C',
  AuditEntriesPurged: 'D',
};

const VERBS: readonly [RegExp, AuditAction][] = [
  [
    /(Created|Booked|Requested|Granted|Issued|Opened|Raised|Recorded|Submitted|Defined|Completed|Credentialed|Offered|Added|Registered|Placed)$/,
    'C',
  ],
  [/(Cancelled|Revoked|Deleted|Removed|Erased|Purged|Withdrawn|Released)$/, 'D'],
  [/(Accessed|Read|Viewed|Exported)$/, 'R'],
  [/(Started|Ended|Due|Sent|Joined|Left|Admitted|Arrived|Refused|Detected)$/, 'E'],
];

// Outcome of events that record a refusal or a failure rather than a success.
const OUTCOMES: Readonly<Record<string, AuditOutcome>> = {
  SessionStartRefused: '4',
  ViolationDetected: '8',
};

// FHIR resource type of each stream prefix; unknown prefixes become their PascalCase name.
const RESOURCES: Readonly<Record<string, string>> = {
  appointment: 'Appointment',
  session: 'Encounter',
  'provider-schedule': 'Schedule',
  'waitlist-entry': 'ServiceRequest',
  'platform-incident': 'Flag',
  staff: 'Practitioner',
  consent: 'Consent',
  'phi-access': 'AuditEvent',
  violation: 'DetectedIssue',
  'audit-purge': 'AuditEvent',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = /^thc\.[a-z]+\.([A-Za-z0-9]+)\.v\d+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

export function eventName(type: string): string {
  return TYPE.exec(type)?.[1] ?? type;
}

function actionOf(name: string): AuditAction {
  const known = ACTIONS[name];
  if (known) return known;
  return VERBS.find(([verb]) => verb.test(name))?.[1] ?? 'U';
}

/** The first actor-shaped field (`bookedBy`, `revokedBy`, ...): who caused the event. */
function actorOf(data: Record<string, unknown>): AuditActor | undefined {
  for (const [field, value] of Object.entries(data)) {
    if (!field.endsWith('By') || !isRecord(value)) continue;
    const id = text(value['userId']);
    const role = text(value['role']);
    if (value['kind'] === 'user' && id && role) return { kind: 'user', id, role };
    const service = text(value['service']);
    if (value['kind'] === 'system' && service) return { kind: 'system', service };
  }
  return undefined;
}

function resourceOf(
  subject: string,
  data: Record<string, unknown>,
  phi: boolean,
): AuditRecord['resource'] {
  if (phi) {
    const type = text(data['resource']) ?? 'Patient';
    const id = text(data['resourceId']);
    return id ? { type, id } : { type };
  }
  const match = /^(.+)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    subject,
  );
  if (!match?.[1] || !match[2]) return { type: 'Basic' };
  const prefix = match[1];
  const type =
    RESOURCES[prefix] ??
    prefix.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase());
  return { type, id: match[2] };
}

/** The service named by a `ce_source` (`/thc/<service>`), or the source as it is. */
function serviceOf(source: string): string {
  return /^\/thc\/([a-z-]+)$/.exec(source)?.[1] ?? source;
}

function utc(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : new Date(ms).toISOString();
}

/**
 * Whether the trail may read an event's data: only a type whose contract this service knows
 * (its schema was checked on the way in, and it is closed and PHI-screened). The data of any
 * other type is unknown content, possibly PHI in clear: it is quarantined, not recorded.
 */
export function isKnownEventType(type: string): boolean {
  return eventDefinition(type) !== undefined;
}

/**
 * An event of a type this service does not know, chained by its id, type and source only: the
 * trail shows that it arrived and from whom, without storing data whose meaning (and PHI
 * content) nobody here can judge. Subject, actor, patient, trace and data stay out.
 */
function quarantinedRecord(event: AuditedEvent): AuditRecord {
  return {
    eventId: event.id,
    type: event.type,
    source: event.source,
    subject: '',
    action: actionOf(eventName(event.type)),
    outcome: '0',
    resource: { type: 'Basic' },
    service: serviceOf(event.source),
    occurredAt: utc(event.time),
    phiAccess: false,
    data: null,
  };
}

/**
 * Maps a platform event to an audit record: a known type with what its data says (never
 * throwing on unexpected data, it records what it can read); a type this service does not
 * know by its id, type and source only (see `quarantinedRecord`).
 */
export function toAuditRecord(event: AuditedEvent, links: StreamLinks = {}): AuditRecord {
  if (!isKnownEventType(event.type)) return quarantinedRecord(event);
  const data = isRecord(event.data) ? event.data : {};
  const name = eventName(event.type);
  const phi = event.type === PHI_ACCESSED;
  const patient = text(data['patientId']) ?? links.patientId;
  const userActor =
    phi && text(data['actorId']) && text(data['role'])
      ? ({ kind: 'user', id: String(data['actorId']), role: String(data['role']) } as const)
      : actorOf(data);
  const traceId = event.traceparent?.split('-')[1];
  const correlationId = text(event.extensions?.['correlationid']);
  return {
    eventId: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    action: phi ? 'R' : actionOf(name),
    outcome: OUTCOMES[name] ?? '0',
    ...(userActor ? { actor: userActor } : {}),
    ...(patient && UUID.test(patient) ? { patientId: patient } : {}),
    resource: resourceOf(event.subject, data, phi),
    service: (phi ? text(data['service']) : undefined) ?? serviceOf(event.source),
    occurredAt: utc((phi ? text(data['at']) : undefined) ?? event.time),
    ...(phi && text(data['purpose']) ? { purpose: String(data['purpose']) } : {}),
    phiAccess: phi,
    ...(correlationId ? { correlationId } : {}),
    ...(traceId && /^[0-9a-f]{32}$/.test(traceId) ? { traceId } : {}),
    data: event.data ?? null,
  };
}
