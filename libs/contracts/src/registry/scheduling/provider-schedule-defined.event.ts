import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import {
  date,
  dateTime,
  localTime,
  timeZone,
  uuid,
  visitType,
} from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const weekday = { type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] } as const;

/** Hours on one weekday, in wall-clock time of the schedule's zone, so they follow DST. */
const weeklyRule = {
  type: 'object',
  additionalProperties: false,
  required: ['weekday', 'start', 'end', 'visitTypes'],
  properties: {
    weekday,
    start: localTime,
    end: localTime,
    visitTypes: { type: 'array', minItems: 1, uniqueItems: true, items: visitType },
  },
} as const satisfies JSONSchema;

/** A date that departs from the weekly rules: closed all day, or open on other hours. */
const exception = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'date'],
      properties: { kind: { const: 'closed' }, date },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'date', 'start', 'end'],
      properties: { kind: { const: 'hours' }, date, start: localTime, end: localTime },
    },
  ],
} as const satisfies JSONSchema;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'providerId',
    'clinicId',
    'timeZone',
    'slotMinutes',
    'bufferMinutes',
    'weeklyRules',
    'exceptions',
    'effectiveFrom',
    'definedAt',
    'definedBy',
  ],
  properties: {
    providerId: uuid,
    clinicId: uuid,
    timeZone: { ...timeZone, description: "The provider's IANA zone; rules are wall-clock in it." },
    slotMinutes: { type: 'integer', minimum: 5, maximum: 240 },
    bufferMinutes: {
      type: 'object',
      additionalProperties: false,
      required: ['before', 'after'],
      properties: {
        before: { type: 'integer', minimum: 0, maximum: 120 },
        after: { type: 'integer', minimum: 0, maximum: 120 },
      },
    },
    weeklyRules: { type: 'array', items: weeklyRule },
    exceptions: { type: 'array', items: exception },
    effectiveFrom: date,
    definedAt: dateTime,
    definedBy: actor,
  },
} as const satisfies JSONSchema;

export type ProviderScheduleDefinedV1 = EventData<typeof schema>;

const example: ProviderScheduleDefinedV1 = {
  providerId: ids.providerId,
  clinicId: ids.clinicId,
  timeZone: 'America/New_York',
  slotMinutes: 30,
  bufferMinutes: { before: 0, after: 10 },
  weeklyRules: [
    { weekday: 'MO', start: '09:00', end: '12:00', visitTypes: ['video', 'audio'] },
    { weekday: 'TH', start: '13:00', end: '17:00', visitTypes: ['video'] },
  ],
  exceptions: [
    { kind: 'closed', date: '2026-05-25' },
    { kind: 'hours', date: '2026-03-12', start: '15:00', end: '17:00' },
  ],
  effectiveFrom: '2026-03-01',
  definedAt: '2026-02-20T16:30:00Z',
  definedBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

/** The whole schedule each time, so a stream's last event is the schedule in force. */
export const providerScheduleDefinedV1 = {
  type: 'thc.scheduling.ProviderScheduleDefined.v1',
  stream: 'providerSchedule',
  summary:
    "A coordinator defined (or replaced) a provider's weekly telehealth hours, exceptions, slot length and buffers.",
  schema,
  example,
} as const satisfies EventDefinition<'scheduling'>;
