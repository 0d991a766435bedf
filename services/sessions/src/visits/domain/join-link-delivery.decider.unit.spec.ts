import { validateEvent } from '@thc/contracts';
import { deciderSpec } from '@thc/testing';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, SessionRuleError } from './session.errors';
import { ParticipantRole, SESSION_EVENT as E, SealedText, SessionEvent } from './session.events';
import {
  cancelled,
  coordinator,
  create,
  created,
  ids,
  linkIssued,
  sealed,
  START,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

const patientUrl = sealed('cGF0aWVudA==');
const interpreterUrl = sealed('aW50ZXJwcmV0ZXI=');
const EXPIRES = '2031-03-09T15:00:00Z';
const BOOKED_AT = create.at;

const issued = (
  linkId: string,
  participantId: string,
  role: ParticipantRole,
  at: string,
): SessionEvent => ({
  type: E.linkIssued,
  data: { sessionId: ids.session, linkId, participantId, role, issuedAt: at, expiresAt: EXPIRES },
});
const deliveryRequested = (
  linkId: string,
  participantId: string,
  role: ParticipantRole,
  link: SealedText,
  deliver: 'before-visit' | 'now',
  at: string,
): SessionEvent => ({
  type: E.linkDeliveryRequested,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    patientId: ids.patient,
    linkId,
    participantId,
    role,
    link,
    visitStart: START,
    expiresAt: EXPIRES,
    deliver,
    requestedAt: at,
  },
});

describe('join links handed to the notifications service', () => {
  describe('CreateSession with the links of the booking', () => {
    const withLinks = {
      ...create,
      links: [
        {
          linkId: ids.patientLink,
          participantId: ids.patient,
          expiresAt: EXPIRES,
          link: patientUrl,
        },
        {
          linkId: ids.providerLink,
          participantId: ids.interpreter,
          expiresAt: EXPIRES,
          link: interpreterUrl,
        },
      ],
    };

    it('issues each link and asks for it to be delivered before the visit', () =>
      given([])
        .when(withLinks)
        .then([
          created,
          issued(ids.patientLink, ids.patient, 'patient', BOOKED_AT),
          deliveryRequested(
            ids.patientLink,
            ids.patient,
            'patient',
            patientUrl,
            'before-visit',
            BOOKED_AT,
          ),
          issued(ids.providerLink, ids.interpreter, 'interpreter', BOOKED_AT),
          deliveryRequested(
            ids.providerLink,
            ids.interpreter,
            'interpreter',
            interpreterUrl,
            'before-visit',
            BOOKED_AT,
          ),
        ]));

    it('decides events the contracts accept', () => {
      const events = sessionDecider.decide(withLinks, sessionDecider.initialState());
      for (const event of [events].flat())
        expect({ type: event.type, error: validateEvent(event.type, event.data) }).toEqual({
          type: event.type,
          error: undefined,
        });
    });

    it('decides nothing for a booking it has already seen, links or not', () =>
      given([created]).when(withLinks).then([]));

    it('refuses a link for someone who is not a participant', () =>
      given([])
        .when({ ...withLinks, links: [{ ...withLinks.links[0]!, participantId: ids.coordinator }] })
        .then(SessionRuleError));

    it('refuses a link that would expire before it is issued', () =>
      given([])
        .when({ ...withLinks, links: [{ ...withLinks.links[0]!, expiresAt: BOOKED_AT }] })
        .then(SessionRuleError));
  });

  describe('IssueJoinLink', () => {
    const at = '2031-03-09T12:40:00Z';
    const issue = {
      type: 'IssueJoinLink',
      linkId: ids.providerLink,
      participantId: ids.patient,
      expiresAt: EXPIRES,
      at,
      by: coordinator,
    } as const;
    const replaced: SessionEvent = {
      type: E.linkRevoked,
      data: {
        sessionId: ids.session,
        linkId: ids.patientLink,
        participantId: ids.patient,
        revokedAt: at,
        cause: 'reissued',
        revokedBy: coordinator,
      },
    };

    it('with a link to send, asks for it to be delivered now, after the one it replaces is revoked', () =>
      given([created, linkIssued(ids.patientLink, ids.patient, 'patient')])
        .when({ ...issue, sendNow: { link: patientUrl } })
        .then([
          replaced,
          issued(ids.providerLink, ids.patient, 'patient', at),
          deliveryRequested(ids.providerLink, ids.patient, 'patient', patientUrl, 'now', at),
        ]));

    it('without one, only issues the link', () =>
      given([created, linkIssued(ids.patientLink, ids.patient, 'patient')])
        .when(issue)
        .then([replaced, issued(ids.providerLink, ids.patient, 'patient', at)]));

    it('sends nothing for a closed session', () =>
      given([created, cancelled])
        .when({ ...issue, sendNow: { link: patientUrl } })
        .then(IllegalTransitionError));
  });
});
