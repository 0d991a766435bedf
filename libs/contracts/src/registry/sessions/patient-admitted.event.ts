import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, nonNegativeInteger, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'patientId', 'admittedAt', 'admittedBy'],
  properties: {
    sessionId: uuid,
    patientId: uuid,
    admittedAt: dateTime,
    admittedBy: actor,
    waitedSeconds: {
      ...nonNegativeInteger,
      description:
        'Waiting-room time: seconds from arrival to admission (absent if never arrived).',
    },
  },
} as const satisfies JSONSchema;

export type PatientAdmittedV1 = EventData<typeof schema>;

const example: PatientAdmittedV1 = {
  sessionId: ids.sessionId,
  patientId: ids.patientId,
  admittedAt: '2026-03-09T13:01:05Z',
  admittedBy: { kind: 'user', userId: ids.providerId, role: 'provider' },
  waitedSeconds: 275,
};

export const patientAdmittedV1 = {
  type: 'thc.sessions.PatientAdmitted.v1',
  stream: 'session',
  summary: 'The provider (or a coordinator) admitted the patient from the waiting room.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
