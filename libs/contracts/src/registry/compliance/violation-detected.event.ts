import type { JSONSchema } from 'json-schema-to-ts';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['violationId', 'rule', 'severity', 'detectedAt', 'evidenceEventIds'],
  properties: {
    violationId: uuid,
    rule: {
      type: 'string',
      enum: [
        'access-without-care-relationship',
        'access-outside-working-hours',
        'access-purpose-mismatch',
        'bulk-access',
        'session-without-consent',
        'visit-with-lapsed-credential',
        'transfer-to-uncredentialed-provider',
        'phi-access-outside-clinic',
        'audit-chain-broken',
      ],
    },
    severity: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
    patientId: uuid,
    actorId: uuid,
    evidenceEventIds: {
      type: 'array',
      minItems: 1,
      items: uuid,
      description: 'ce_id of the events that show the violation.',
    },
    detectedAt: dateTime,
  },
} as const satisfies JSONSchema;

export type ViolationDetectedV1 = EventData<typeof schema>;

const example: ViolationDetectedV1 = {
  violationId: ids.violationId,
  rule: 'access-without-care-relationship',
  severity: 'high',
  patientId: ids.patientId,
  actorId: ids.coordinatorId,
  evidenceEventIds: [ids.eventId],
  detectedAt: '2026-03-02T14:11:31Z',
};

export const violationDetectedV1 = {
  type: 'thc.compliance.ViolationDetected.v1',
  stream: 'violation',
  summary: 'A compliance rule was broken (e.g. PHI read without a care relationship).',
  schema,
  example,
} as const satisfies EventDefinition<'compliance'>;
