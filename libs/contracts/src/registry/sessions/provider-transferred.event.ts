import type { JSONSchema } from 'json-schema-to-ts';
import { actor } from '../../schemas/actor.schema';
import { dateTime, uuid } from '../../schemas/common-fields.schema';
import type { EventData, EventDefinition } from '../event-definition';
import { EXAMPLE_IDS as ids } from '../example-ids';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'sessionId',
    'appointmentId',
    'fromProviderId',
    'toProviderId',
    'transferredAt',
    'transferredBy',
  ],
  properties: {
    sessionId: uuid,
    appointmentId: uuid,
    fromProviderId: uuid,
    toProviderId: uuid,
    transferredAt: dateTime,
    transferredBy: actor,
  },
} as const satisfies JSONSchema;

export type ProviderTransferredV1 = EventData<typeof schema>;

const example: ProviderTransferredV1 = {
  sessionId: ids.sessionId,
  appointmentId: ids.appointmentId,
  fromProviderId: ids.providerId,
  toProviderId: ids.interpreterId,
  transferredAt: '2026-03-09T13:12:00Z',
  transferredBy: { kind: 'user', userId: ids.coordinatorId, role: 'coordinator' },
};

// The visit goes on with another provider (a specialist, a colleague covering): the session,
// its waiting time and quality history stay one.
export const providerTransferredV1 = {
  type: 'thc.sessions.ProviderTransferred.v1',
  stream: 'session',
  summary: 'The visit was handed to another provider; the previous provider left it.',
  schema,
  example,
} as const satisfies EventDefinition<'sessions'>;
