import { deciderSpec } from '@thc/testing';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, LinkRefusedError, SessionRuleError } from './session.errors';
import { SESSION_EVENT as E } from './session.events';
import {
  admitted,
  arrived,
  cancelled,
  coordinator,
  created,
  dropped,
  ids,
  joined,
  linkIssued,
  provider,
  started,
  system,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);
const patientLink = linkIssued(ids.patientLink, ids.patient, 'patient');
const providerLink = linkIssued(ids.providerLink, ids.provider, 'provider');
const at = '2031-03-09T12:55:00Z';
const joinAs = (linkId: string) =>
  ({ type: 'JoinVisit', linkId, media: 'video', connection: 'browser', at }) as const;

describe('links, waiting room and presence', () => {
  describe('IssueJoinLink', () => {
    const issue = {
      type: 'IssueJoinLink',
      linkId: ids.providerLink,
      participantId: ids.patient,
      expiresAt: '2031-03-09T15:00:00Z',
      at: '2031-03-02T15:00:00Z',
      by: coordinator,
    } as const;
    it('issues a link and revokes the one it replaces', () =>
      given([created, patientLink])
        .when(issue)
        .then([
          {
            type: E.linkRevoked,
            data: {
              sessionId: ids.session,
              linkId: ids.patientLink,
              participantId: ids.patient,
              revokedAt: '2031-03-02T15:00:00Z',
              cause: 'reissued',
              revokedBy: coordinator,
            },
          },
          {
            type: E.linkIssued,
            data: {
              sessionId: ids.session,
              linkId: ids.providerLink,
              participantId: ids.patient,
              role: 'patient',
              issuedAt: '2031-03-02T15:00:00Z',
              expiresAt: '2031-03-09T15:00:00Z',
            },
          },
        ]));
    it('refuses someone who is not a participant', () =>
      given([created])
        .when({ ...issue, participantId: ids.coordinator })
        .then(SessionRuleError));
    it('refuses a closed session', () =>
      given([created, cancelled]).when(issue).then(IllegalTransitionError));
  });

  describe('RevokeJoinLink', () => {
    const revoke = {
      type: 'RevokeJoinLink',
      linkId: ids.patientLink,
      at,
      by: coordinator,
    } as const;
    it('revokes a live link', () =>
      given([created, patientLink])
        .when(revoke)
        .then([
          {
            type: E.linkRevoked,
            data: {
              sessionId: ids.session,
              linkId: ids.patientLink,
              participantId: ids.patient,
              revokedAt: at,
              cause: 'revoked-by-staff',
              revokedBy: coordinator,
            },
          },
        ]));
    it('refuses an unknown link', () => given([created]).when(revoke).then(SessionRuleError));
  });

  describe('JoinVisit', () => {
    it('puts the patient in the waiting room', () =>
      given([created, patientLink]).when(joinAs(ids.patientLink)).then([arrived]));
    it('decides nothing for a patient already waiting', () =>
      given([created, patientLink, arrived]).when(joinAs(ids.patientLink)).then([]));
    it('lets the provider in', () =>
      given([created, providerLink])
        .when(joinAs(ids.providerLink))
        .then([joined(ids.provider, 'provider', at)]));
    it('lets an admitted patient in, and back in after a drop', () =>
      given([
        created,
        patientLink,
        arrived,
        admitted,
        joined(ids.patient, 'patient', at),
        dropped(at),
      ])
        .when(joinAs(ids.patientLink))
        .then([joined(ids.patient, 'patient', at)]));
    it.each([
      ['an unknown link', [created], 'forged'],
      [
        'a revoked link',
        [
          created,
          patientLink,
          {
            type: E.linkRevoked,
            data: {
              sessionId: ids.session,
              linkId: ids.patientLink,
              participantId: ids.patient,
              revokedAt: at,
              cause: 'revoked-by-staff',
              revokedBy: coordinator,
            },
          },
        ],
        'revoked',
      ],
      ['a link of an ended visit', [created, patientLink, cancelled], 'visit-ended'],
    ] as const)('refuses %s', (_label, history, refusal) =>
      given([...history])
        .when(joinAs(ids.patientLink))
        .then(new LinkRefusedError(refusal)),
    );
    it('refuses a link past its expiry', () =>
      given([created, patientLink])
        .when({ ...joinAs(ids.patientLink), at: '2031-03-09T15:00:01Z' })
        .then(new LinkRefusedError('expired')));
  });

  describe('AdmitPatient', () => {
    const admit = { type: 'AdmitPatient', at: '2031-03-09T13:01:00Z', by: provider } as const;
    it('admits with the waiting time as a fact', () =>
      given([created, arrived]).when(admit).then([admitted]));
    it('refuses when nobody waits', () => given([created]).when(admit).then(SessionRuleError));
    it('refuses to admit twice', () =>
      given([created, arrived, admitted]).when(admit).then(IllegalTransitionError));
  });

  describe('LeaveVisit', () => {
    const drop = {
      type: 'LeaveVisit',
      participantId: ids.patient,
      reason: 'disconnected',
      issueId: ids.issue,
      at: '2031-03-09T13:10:00Z',
    } as const;
    const present = [created, started, admitted, joined(ids.patient, 'patient', at)];
    it('records a drop', () =>
      given(present)
        .when(drop)
        .then([dropped('2031-03-09T13:10:00Z')]));
    it('opens a connection issue on the third drop', () =>
      given([
        ...present,
        dropped(at),
        joined(ids.patient, 'patient', at),
        dropped(at),
        joined(ids.patient, 'patient', at),
      ])
        .when(drop)
        .then([
          dropped('2031-03-09T13:10:00Z'),
          {
            type: E.issueOpened,
            data: {
              sessionId: ids.session,
              issueId: ids.issue,
              participantId: ids.patient,
              category: 'connection',
              openedAt: '2031-03-09T13:10:00Z',
              openedBy: system,
              trigger: 'repeated-drops',
            },
          },
        ]));
    it('refuses a leave by someone not in the visit', () =>
      given([created])
        .when(drop)
        .then(new SessionRuleError('the participant is not in the visit')));
  });
});
