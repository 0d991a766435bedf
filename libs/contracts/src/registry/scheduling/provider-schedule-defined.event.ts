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
import type { EventData, EventDefinition, EventUpcaster } from '../event-definition';
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

const visitTypes = { type: 'array', minItems: 1, uniqueItems: true, items: visitType } as const;

/**
 * v2 exceptions: closed all day; away for part of a day (the rest of the day's hours stay);
 * or other hours that replace the weekly rules on that date, with the visit types they admit.
 */
const exceptionV2 = {
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
      properties: { kind: { const: 'away' }, date, start: localTime, end: localTime },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'date', 'start', 'end', 'visitTypes'],
      properties: {
        kind: { const: 'hours' },
        date,
        start: localTime,
        end: localTime,
        visitTypes,
      },
    },
  ],
} as const satisfies JSONSchema;

const minutes = (maximum: number) => ({ type: 'integer', minimum: 0, maximum }) as const;
const slotLength = { type: 'integer', minimum: 5, maximum: 240 } as const;

const schemaV2 = {
  type: 'object',
  additionalProperties: false,
  required: [
    'providerId',
    'clinicId',
    'timeZone',
    'slotMinutes',
    'bufferMinutes',
    'minimumNoticeMinutes',
    'bookingHorizonDays',
    'weeklyRules',
    'exceptions',
    'effectiveFrom',
    'definedAt',
    'definedBy',
  ],
  properties: {
    providerId: uuid,
    clinicId: uuid,
    departmentId: uuid,
    timeZone: { ...timeZone, description: "The provider's IANA zone; rules are wall-clock in it." },
    slotMinutes: {
      type: 'object',
      additionalProperties: false,
      required: ['video', 'audio'],
      description: 'Length of one visit, per visit type.',
      properties: { video: slotLength, audio: slotLength },
    },
    bufferMinutes: {
      type: 'object',
      additionalProperties: false,
      required: ['before', 'after'],
      properties: { before: minutes(120), after: minutes(120) },
    },
    minimumNoticeMinutes: {
      ...minutes(43_200),
      description: 'A slot is offered only this long after the moment of booking, or later.',
    },
    bookingHorizonDays: {
      type: 'integer',
      minimum: 1,
      maximum: 730,
      description: 'A slot is offered only up to this many days ahead.',
    },
    dailyMaxVisits: {
      type: 'integer',
      minimum: 1,
      maximum: 200,
      description: 'Most virtual visits per provider-local day; absent: no limit.',
    },
    weeklyRules: { type: 'array', items: weeklyRule },
    exceptions: { type: 'array', items: exceptionV2 },
    effectiveFrom: date,
    definedAt: dateTime,
    definedBy: actor,
  },
} as const satisfies JSONSchema;

export type ProviderScheduleDefinedV2 = EventData<typeof schemaV2>;

const exampleV2: ProviderScheduleDefinedV2 = {
  ...example,
  slotMinutes: { video: 30, audio: 20 },
  minimumNoticeMinutes: 120,
  bookingHorizonDays: 60,
  dailyMaxVisits: 12,
  exceptions: [
    { kind: 'closed', date: '2026-05-25' },
    { kind: 'away', date: '2026-03-09', start: '10:00', end: '11:00' },
    { kind: 'hours', date: '2026-03-12', start: '15:00', end: '17:00', visitTypes: ['video'] },
  ],
};

/**
 * v2 adds what v1 could not say: slot length per visit type, minimum notice, booking horizon,
 * a daily maximum, a department, and partial-day absences. Still the whole schedule each time.
 */
export const providerScheduleDefinedV2 = {
  type: 'thc.scheduling.ProviderScheduleDefined.v2',
  stream: 'providerSchedule',
  summary:
    "A coordinator defined (or replaced) a provider's telehealth schedule: weekly hours, exceptions, slot length per visit type, buffers, notice, horizon and daily maximum.",
  schema: schemaV2,
  example: exampleV2,
} as const satisfies EventDefinition<'scheduling'>;

/** Most days a v1 schedule is searched ahead; v1 had no horizon, so it was bounded by search. */
const V1_HORIZON_DAYS = 365;

/**
 * A v1 schedule as v2: one slot length for both visit types, no notice, no daily maximum; its
 * other-hours exceptions admitted every visit type.
 */
export const providerScheduleDefinedV1ToV2 = {
  from: providerScheduleDefinedV1.type,
  to: providerScheduleDefinedV2.type,
  upcast: (data: ProviderScheduleDefinedV1): ProviderScheduleDefinedV2 => ({
    ...data,
    slotMinutes: { video: data.slotMinutes, audio: data.slotMinutes },
    minimumNoticeMinutes: 0,
    bookingHorizonDays: V1_HORIZON_DAYS,
    exceptions: data.exceptions.map((exception) =>
      exception.kind === 'closed' ? exception : { ...exception, visitTypes: ['video', 'audio'] },
    ),
  }),
} as const satisfies EventUpcaster<ProviderScheduleDefinedV1, ProviderScheduleDefinedV2>;
