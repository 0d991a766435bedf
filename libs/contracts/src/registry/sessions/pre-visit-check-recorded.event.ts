import type { JSONSchema } from 'json-schema-to-ts';
import {
  dateTime,
  nonNegativeInteger,
  participantRole,
  uuid,
} from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const check = { type: 'string', enum: ['pass', 'warn', 'fail', 'skipped'] } as const;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sessionId', 'participantId', 'role', 'checkedAt', 'result', 'checks', 'client'],
  properties: {
    sessionId: uuid,
    participantId: uuid,
    role: participantRole,
    checkedAt: dateTime,
    result: { type: 'string', enum: ['passed', 'warning', 'failed'] },
    checks: {
      type: 'object',
      additionalProperties: false,
      required: ['camera', 'microphone', 'speaker', 'network'],
      properties: { camera: check, microphone: check, speaker: check, network: check },
    },
    network: {
      type: 'object',
      additionalProperties: false,
      required: ['downlinkKbps', 'uplinkKbps', 'rttMs'],
      properties: {
        downlinkKbps: nonNegativeInteger,
        uplinkKbps: nonNegativeInteger,
        rttMs: nonNegativeInteger,
      },
    },
    // Device class and browser family only: a full user agent string helps fingerprint a patient.
    client: {
      type: 'object',
      additionalProperties: false,
      required: ['device', 'browser'],
      properties: {
        device: { type: 'string', enum: ['desktop', 'mobile', 'tablet'] },
        browser: { type: 'string', enum: ['chrome', 'edge', 'firefox', 'safari', 'other'] },
      },
    },
  },
} as const satisfies JSONSchema;

export type PreVisitCheckRecordedV1 = EventData<typeof schema>;

const example: PreVisitCheckRecordedV1 = {
  sessionId: ids.sessionId,
  participantId: ids.patientId,
  role: 'patient',
  checkedAt: '2026-03-09T12:50:12Z',
  result: 'warning',
  checks: { camera: 'pass', microphone: 'pass', speaker: 'pass', network: 'warn' },
  network: { downlinkKbps: 1800, uplinkKbps: 420, rttMs: 180 },
  client: { device: 'mobile', browser: 'safari' },
};

export const preVisitCheckRecordedV1 = {
  type: 'thc.sessions.PreVisitCheckRecorded.v1',
  stream: 'session',
  summary: "A participant's device and connection check before the visit, and its result.",
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
