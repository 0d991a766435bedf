import { deciderSpec } from '@thc/testing';
import { GrantConsent, RevokeConsent } from './consent.commands';
import { consentDecider } from './consent.decider';
import { ConsentConflictError, ConsentNotFoundError, ConsentRuleError } from './consent.errors';
import { CONSENT_EVENT as E, ConsentEvent } from './consent.events';
import { activeConsent, initialConsentState } from './consent.state';

const ids = {
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  consent: 'f7b9d2e4-6a8c-4d1f-8e5a-9c2e4a6b8f17',
  other: '0a7b9d2e-6a8c-4d1f-8e5a-9c2e4a6b8f18',
  coordinator: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  witness: 'b2d4f6a8-1c3e-4a5c-8e7a-9c1e3a5c7e09',
};
const coordinator = { kind: 'user', userId: ids.coordinator, role: 'coordinator' } as const;
const given = deciderSpec(consentDecider);

const grant: GrantConsent = {
  type: 'GrantConsent',
  consentId: ids.consent,
  patientId: ids.patient,
  scope: 'telehealth',
  method: 'electronic-signature',
  formVersion: '2026-01',
  expiresAt: '2027-03-02T13:50:00Z',
  at: '2026-03-02T13:50:00Z',
  by: coordinator,
};

const granted: ConsentEvent = {
  type: E.granted,
  data: {
    consentId: ids.consent,
    patientId: ids.patient,
    scope: 'telehealth',
    formVersion: '2026-01',
    method: 'electronic-signature',
    grantedAt: '2026-03-02T13:50:00Z',
    expiresAt: '2027-03-02T13:50:00Z',
    capturedBy: coordinator,
  },
};

const revoke: RevokeConsent = {
  type: 'RevokeConsent',
  consentId: ids.consent,
  at: '2026-04-10T08:15:00Z',
  by: coordinator,
};

const revoked: ConsentEvent = {
  type: E.revoked,
  data: {
    consentId: ids.consent,
    patientId: ids.patient,
    scope: 'telehealth',
    revokedAt: '2026-04-10T08:15:00Z',
    revokedBy: coordinator,
  },
};

describe('consent decider', () => {
  it('records an e-signed consent with its scope, form version and expiry', () =>
    given([]).when(grant).then([granted]));

  it('records a verbal consent with its witness', () => {
    const witnessedBy = { userId: ids.witness, role: 'provider' } as const;
    given([])
      .when({ ...grant, method: 'verbal', witnessedBy })
      .then([{ type: E.granted, data: { ...granted.data, method: 'verbal', witnessedBy } }]);
  });

  it('refuses a verbal consent without a witness', () =>
    given([])
      .when({ ...grant, method: 'verbal' })
      .then(new ConsentRuleError('a verbal consent needs a witness')));

  it('refuses the patient as their own witness', () =>
    given([])
      .when({ ...grant, method: 'verbal', witnessedBy: { userId: ids.patient, role: 'patient' } })
      .then(ConsentRuleError));

  it('refuses an expiry before the consent is given', () =>
    given([])
      .when({ ...grant, expiresAt: '2026-03-01T00:00:00Z' })
      .then(ConsentRuleError));

  it('refuses a second active consent of the same scope', () =>
    given([granted])
      .when({ ...grant, consentId: ids.other })
      .then(new ConsentConflictError('the patient already has an active telehealth consent')));

  it('accepts a new consent once the previous one has expired', () => {
    const { expiresAt: _, ...renewal } = grant;
    const { expiresAt: __, ...data } = granted.data;
    given([granted])
      .when({ ...renewal, consentId: ids.other, at: '2027-04-01T00:00:00Z' })
      .then([
        {
          type: E.granted,
          data: { ...data, consentId: ids.other, grantedAt: '2027-04-01T00:00:00Z' },
        },
      ]);
  });

  it('revokes an active consent', () => given([granted]).when(revoke).then([revoked]));

  it('refuses to revoke twice', () =>
    given([granted, revoked])
      .when(revoke)
      .then(new ConsentConflictError('the consent is already revoked')));

  it('refuses to revoke an expired consent', () =>
    given([granted])
      .when({ ...revoke, at: '2027-06-01T00:00:00Z' })
      .then(ConsentConflictError));

  it('refuses to revoke an unknown consent', () =>
    given([]).when(revoke).then(ConsentNotFoundError));

  it('knows which consent was in force at an instant', () => {
    const state = [granted, revoked].reduce(consentDecider.evolve, initialConsentState());
    expect(activeConsent(state, 'telehealth', '2026-04-01T00:00:00Z')?.granted.consentId).toBe(
      ids.consent,
    );
    expect(activeConsent(state, 'telehealth', '2026-04-10T08:15:00Z')).toBeUndefined();
    expect(activeConsent(state, 'telehealth', '2026-03-01T00:00:00Z')).toBeUndefined();
    expect(activeConsent(state, 'recording', '2026-04-01T00:00:00Z')).toBeUndefined();
  });
});
