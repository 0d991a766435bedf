import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['waitlistEntryId', 'patientId', 'reasonCode', 'leftAt', 'leftBy'],
  properties: {
    waitlistEntryId: uuid,
    patientId: uuid,
    // Coded, like cancellation reasons: analysts can tell a waitlist that failed its patients
    // (booked elsewhere) from one they no longer needed, without free text (PHI).
    reasonCode: { type: 'string', enum: ['booked-elsewhere', 'no-longer-needed', 'other'] },
    leftAt: dateTime,
    leftBy: actor,
  },
} as const satisfies JSONSchema;

export type WaitlistLeftV1 = EventData<typeof schema>;

const example: WaitlistLeftV1 = {
  waitlistEntryId: ids.waitlistEntryId,
  patientId: ids.patientId,
  reasonCode: 'booked-elsewhere',
  leftAt: '2026-03-08T10:15:00Z',
  leftBy: { kind: 'user', userId: ids.patientId, role: 'patient' },
};

export const waitlistLeftV1 = {
  type: 'thc.scheduling.WaitlistLeft.v1',
  stream: 'waitlistEntry',
  summary:
    'A patient left the waitlist; the entry is never offered a slot again, and an offer it held goes to the next patient.',
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
