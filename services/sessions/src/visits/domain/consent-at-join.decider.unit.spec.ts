import { EXAMPLE_ENCRYPTED } from '@thc/contracts';
import { deciderSpec } from '@thc/testing';
import type { GiveConsentAtJoin } from './session.commands';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, SessionRuleError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { cancelled, created, ids } from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

const consent: GiveConsentAtJoin = {
  type: 'GiveConsentAtJoin',
  participantId: ids.patient,
  textVersion: '2026-12',
  language: EXAMPLE_ENCRYPTED,
  consent: { active: false, reason: 'consent-missing' },
  at: '2031-03-09T12:50:00Z',
};

const consentGiven: SessionEvent = {
  type: E.consentGivenAtJoin,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    patientId: ids.patient,
    clinicId: ids.clinic,
    scope: 'telehealth',
    givenAt: '2031-03-09T12:50:00Z',
    method: 'join-link',
    textVersion: '2026-12',
    language: EXAMPLE_ENCRYPTED,
    givenBy: { kind: 'user', userId: ids.patient, role: 'patient' },
  },
};

describe('GiveConsentAtJoin (the patient accepts the consent text on the visit page)', () => {
  it("records the patient's consent with the text version, the sealed language and the patient as giver", () =>
    given([created]).when(consent).then([consentGiven]));

  it('records it without a language when the language could not be sealed', () => {
    const { language: _, ...unsealed } = consent;
    const { language: __, ...data } = consentGiven.data as Extract<
      SessionEvent,
      { type: typeof E.consentGivenAtJoin }
    >['data'];
    given([created])
      .when(unsealed)
      .then([{ type: E.consentGivenAtJoin, data }]);
  });

  it('records nothing while a consent is on record', () =>
    given([created])
      .when({ ...consent, consent: { active: true, consentId: ids.consent } })
      .then([]));

  it('records nothing twice while the consent given here is on its way to compliance', () =>
    given([created, consentGiven]).when(consent).then([]));

  it.each(['consent-revoked', 'consent-expired'] as const)(
    'records a new consent once compliance says the one on record is %s',
    (reason) =>
      given([created, consentGiven])
        .when({ ...consent, consent: { active: false, reason }, at: '2031-03-09T12:58:00Z' })
        .then([
          {
            ...consentGiven,
            data: { ...consentGiven.data, givenAt: '2031-03-09T12:58:00Z' },
          } as SessionEvent,
        ]),
  );

  it.each([ids.provider, ids.interpreter])(
    'refuses %s, a participant who is not the patient',
    (id) =>
      given([created])
        .when({ ...consent, participantId: id })
        .then(new SessionRuleError('only the patient may consent to their visit')),
  );

  it('refuses someone who takes no part in the visit', () =>
    given([created])
      .when({ ...consent, participantId: ids.coordinator })
      .then(SessionRuleError));

  it('refuses once the visit has ended, and before the session exists', () => {
    given([created, cancelled]).when(consent).then(IllegalTransitionError);
    given([]).when(consent).then(IllegalTransitionError);
  });
});
