import type { JSONSchema } from 'json-schema-to-ts';
import { userRole } from '../../schemas/actor.schema';
import { dateTime, serviceName, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';
import { SHARED_TOPICS } from '../topics';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'accessId',
    'actorId',
    'role',
    'patientId',
    'resource',
    'action',
    'purpose',
    'service',
    'at',
  ],
  properties: {
    accessId: uuid,
    actorId: uuid,
    role: userRole,
    patientId: uuid,
    resource: {
      type: 'string',
      pattern: '^[A-Z][A-Za-z]{1,63}$',
      description: 'FHIR resource type read, e.g. Appointment, Encounter, Patient.',
    },
    resourceId: { ...uuid, description: 'The record read, when it was one record.' },
    action: { type: 'string', enum: ['read', 'search', 'export', 'decrypt'] },
    // HIPAA purposes of use: accounting of disclosures reports on them.
    purpose: {
      type: 'string',
      enum: ['treatment', 'payment', 'operations', 'patient-request', 'audit', 'legal'],
    },
    service: { ...serviceName, description: 'The service where the access happened.' },
    at: dateTime,
  },
} as const satisfies JSONSchema;

export type PhiAccessedV1 = EventData<typeof schema>;

const example: PhiAccessedV1 = {
  accessId: ids.accessId,
  actorId: ids.coordinatorId,
  role: 'coordinator',
  patientId: ids.patientId,
  resource: 'Appointment',
  resourceId: ids.appointmentId,
  action: 'read',
  purpose: 'operations',
  service: 'scheduling',
  at: '2026-03-02T14:11:30Z',
};

export const phiAccessedV1 = {
  type: 'thc.compliance.PhiAccessed.v1',
  stream: 'phiAccess',
  summary: "Someone read a patient's data: who, in which role, what, why and when.",
  schema,
  example,
  // Each service records the reads it serves in its own store and relays them itself, on a
  // topic of their own: writing it lets those services state no consent or violation.
  alsoProducedBy: [
    '/thc/scheduling',
    '/thc/sessions',
    '/thc/training',
    '/thc/analytics',
    '/thc/notifications',
  ],
  topic: SHARED_TOPICS.phiAccess,
} as const satisfies EventDefinition<'compliance'>;
