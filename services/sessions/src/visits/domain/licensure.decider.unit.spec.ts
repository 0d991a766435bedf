import { deciderSpec } from '@thc/testing';
import { activeLicenceIn, credentialProblem, StateLicence } from './provider-qualification';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, TransferRefusedError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import {
  cancelled,
  coordinator,
  created,
  ids,
  provider,
  started,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

const patient = { kind: 'user', userId: ids.patient, role: 'patient' } as const;
const NJ: StateLicence = { state: 'NJ', number: '25MA09876500', expiresOn: '2031-12-31' };
const NY: StateLicence = { state: 'NY', number: '298877', expiresOn: '2031-06-30' };

const confirmedIn = (state: string, at = '2031-03-09T12:55:00Z'): SessionEvent => ({
  type: E.locationConfirmed,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    state,
    confirmedAt: at,
    confirmedBy: patient,
  },
});

const refused = (reason: string, patientState?: string): SessionEvent =>
  ({
    type: E.startRefused,
    data: {
      sessionId: ids.session,
      appointmentId: ids.appointment,
      refusedAt: '2031-03-09T13:00:30Z',
      reason,
      attemptedBy: provider,
      ...(patientState ? { patientState } : {}),
    },
  }) as SessionEvent;

describe('ConfirmPatientLocation', () => {
  const confirm = {
    type: 'ConfirmPatientLocation',
    state: 'NJ',
    at: '2031-03-09T12:55:00Z',
    by: patient,
  } as const;
  it('records where the patient says they are', () =>
    given([created])
      .when(confirm)
      .then([confirmedIn('NJ')]));
  it('records a later confirmation, even of the same state', () =>
    given([created, confirmedIn('NJ')])
      .when({ ...confirm, at: '2031-03-09T12:58:00Z' })
      .then([confirmedIn('NJ', '2031-03-09T12:58:00Z')]));
  it('records nothing twice for a retried confirmation', () =>
    given([created, confirmedIn('NJ')])
      .when(confirm)
      .then([]));
  it('refuses a confirmation for an ended visit', () =>
    given([created, cancelled]).when(confirm).then(IllegalTransitionError));
});

describe('StartSession (licensure)', () => {
  const start = {
    type: 'StartSession',
    consent: { active: true, consentId: ids.consent },
    licences: [NY, NJ],
    at: '2031-03-09T13:00:30Z',
    by: provider,
  } as const;

  it('starts when the provider is licensed where the patient confirmed they are', () =>
    given([created, confirmedIn('NJ')])
      .when(start)
      .then([started]));
  it('refuses a start before the patient confirms where they are', () =>
    given([created])
      .when(start)
      .then([refused('patient-location-unconfirmed')]));
  it('refuses a start on a confirmation older than an hour: the patient may have moved', () =>
    given([created, confirmedIn('NJ', '2031-03-09T11:59:00Z')])
      .when(start)
      .then([refused('patient-location-unconfirmed')]));
  it('refuses a start when the provider holds no licence in that state', () =>
    given([created, confirmedIn('PA')])
      .when(start)
      .then([refused('provider-not-licensed-in-patient-state', 'PA')]));
  it('refuses a start when the licence there has expired', () =>
    given([created, confirmedIn('NJ')])
      .when({ ...start, licences: [{ ...NJ, expiresOn: '2031-03-08' }] })
      .then([refused('provider-not-licensed-in-patient-state', 'NJ')]));
  it('asks consent first: no consent is refused as such, whatever the location', () =>
    given([created])
      .when({ ...start, consent: { active: false, reason: 'consent-missing' } })
      .then([refused('consent-missing')]));
  it('starts without a location when the licence check is off', () =>
    given([created])
      .when({ ...start, licences: 'not-checked' })
      .then([started]));
});

describe('TransferProvider (qualification)', () => {
  const current = { status: 'current', validUntil: '2032-01-01T00:00:00Z' } as const;
  const transfer = {
    type: 'TransferProvider',
    toProviderId: ids.otherProvider,
    incoming: { credential: current, licences: [NJ] },
    at: '2031-03-09T13:10:00Z',
    by: coordinator,
  } as const;
  const live = [created, confirmedIn('NJ'), started];

  it('hands the visit to a credentialed provider licensed where the patient is', () =>
    given(live)
      .when(transfer)
      .then([expect.objectContaining({ type: E.transferred }) as never]));
  it('refuses a provider without a telehealth credential', () =>
    given(live)
      .when({ ...transfer, incoming: { credential: undefined, licences: [NJ] } })
      .then(TransferRefusedError));
  it('refuses a provider whose credential lapsed', () =>
    given(live)
      .when({
        ...transfer,
        incoming: { credential: { status: 'lapsed', cause: 'expired' }, licences: [NJ] },
      })
      .then(TransferRefusedError));
  it('refuses a provider not licensed in the state the patient confirmed, naming it', () =>
    given(live)
      .when({ ...transfer, incoming: { credential: current, licences: [NY] } })
      .then(
        new TransferRefusedError(
          'that provider holds no active licence in NJ, where the patient is; transfer to a provider with a current telehealth credential licensed in NJ',
        ),
      ));
  it('leaves the licence to the start when the patient has not said where they are yet', () =>
    given([created])
      .when({ ...transfer, incoming: { credential: current, licences: [] } })
      .then([expect.objectContaining({ type: E.transferred }) as never]));
  it('checks nothing a development setting turned off', () =>
    given(live)
      .when({ ...transfer, incoming: { credential: 'not-checked', licences: 'not-checked' } })
      .then([expect.objectContaining({ type: E.transferred }) as never]));
});

describe('provider qualification', () => {
  it('counts a licence through the whole of its expiry day (UTC)', () => {
    expect(activeLicenceIn([NJ], 'NJ', '2031-12-31T23:59:59Z')).toBe(NJ);
    expect(activeLicenceIn([NJ], 'NJ', '2032-01-01T00:00:00Z')).toBeUndefined();
    expect(activeLicenceIn([NJ], 'NY', '2031-03-09T13:00:00Z')).toBeUndefined();
  });
  it('holds a credential current until it runs out', () => {
    const credential = { status: 'current', validUntil: '2031-03-09T13:00:00Z' } as const;
    expect(credentialProblem(credential, '2031-03-09T12:59:59Z')).toBeUndefined();
    expect(credentialProblem(credential, '2031-03-09T13:00:00Z')).toMatch(/expired/);
    expect(credentialProblem(undefined, '2031-03-09T12:00:00Z')).toMatch(/no telehealth/);
  });
});
