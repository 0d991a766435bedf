import { eventDefinition } from '@thc/contracts';
import { deciderSpec } from '@thc/testing';
import { consentDecider } from '../domain/consent.decider';
import { ConsentConflictError } from '../domain/consent.errors';
import { CONSENT_EVENT as E, ConsentEvent } from '../domain/consent.events';
import {
  CONSENT_GIVEN_AT_JOIN,
  ConsentGivenAtJoin,
  consentIdOf,
  grantOf,
} from './consent-given-at-join';

const given = deciderSpec(consentDecider);
const example = eventDefinition(CONSENT_GIVEN_AT_JOIN)?.example as ConsentGivenAtJoin;
const eventId = '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20';
const patient = { kind: 'user', userId: example.patientId, role: 'patient' } as const;

const granted: ConsentEvent = {
  type: E.granted,
  data: {
    consentId: consentIdOf(eventId),
    patientId: example.patientId,
    scope: 'telehealth',
    formVersion: example.textVersion,
    method: 'electronic-signature',
    grantedAt: example.givenAt,
    capturedBy: patient,
  },
};

describe('a consent given on the visit page', () => {
  it('is granted as e-signed and captured by the patient, from when they accepted, without expiry', () =>
    given([]).when(grantOf(eventId, example)).then([granted]));

  it('keeps one consent id per sessions event, a version 5 UUID, another for another event', () => {
    expect(consentIdOf(eventId)).toBe(consentIdOf(eventId.toUpperCase()));
    expect(consentIdOf(eventId)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(consentIdOf('0a7b9d2e-6a8c-4d1f-8e5a-9c2e4a6b8f18')).not.toBe(consentIdOf(eventId));
  });

  it('is refused as already recorded when the event comes again', () =>
    given([granted])
      .when(grantOf(eventId, example))
      .then(new ConsentConflictError('this consent was already recorded')));

  it('is refused while another telehealth consent is active', () =>
    given([{ ...granted, data: { ...granted.data, consentId: consentIdOf(example.sessionId) } }])
      .when(grantOf(eventId, example))
      .then(new ConsentConflictError('the patient already has an active telehealth consent')));
});
