import { deciderSpec } from '@thc/testing';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, SessionRuleError } from './session.errors';
import { SESSION_EVENT as E } from './session.events';
import {
  admitted,
  arrived,
  cancelled,
  coordinator,
  create,
  created,
  END,
  ids,
  joined,
  linkIssued,
  provider,
  started,
  system,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

describe('session lifecycle', () => {
  describe('CreateSession (appointment booked)', () => {
    it('creates the session of the appointment', () => given([]).when(create).then([created]));
    it('decides nothing for a booking it has already seen', () =>
      given([created]).when(create).then([]));
  });

  describe('MoveSession (appointment rescheduled)', () => {
    const move = {
      type: 'MoveSession',
      providerId: ids.otherProvider,
      start: '2031-03-12T15:00:00Z',
      end: '2031-03-12T15:30:00Z',
      at: '2031-03-05T10:00:00Z',
    } as const;
    it('moves a scheduled session and revokes the links issued for the old time', () =>
      given([created, linkIssued(ids.patientLink, ids.patient, 'patient')])
        .when(move)
        .then([
          {
            type: E.rescheduled,
            data: {
              sessionId: ids.session,
              appointmentId: ids.appointment,
              providerId: ids.otherProvider,
              previousStart: '2031-03-09T13:00:00Z',
              scheduledStart: '2031-03-12T15:00:00Z',
              scheduledEnd: '2031-03-12T15:30:00Z',
              rescheduledAt: '2031-03-05T10:00:00Z',
            },
          },
          {
            type: E.linkRevoked,
            data: {
              sessionId: ids.session,
              linkId: ids.patientLink,
              participantId: ids.patient,
              revokedAt: '2031-03-05T10:00:00Z',
              cause: 'session-rescheduled',
              revokedBy: system,
            },
          },
        ]));
    it('decides nothing when the session is already there (a redelivered move)', () =>
      given([created])
        .when({ ...move, providerId: ids.provider, start: '2031-03-09T13:00:00Z' })
        .then([]));
    it('leaves a session that is no longer scheduled alone', () =>
      given([created, started]).when(move).then([]));
  });

  describe('CloseSession (appointment cancelled)', () => {
    const closeCommand = { type: 'CloseSession', at: '2031-03-08T09:00:00Z', by: system } as const;
    it('closes with outcome cancelled', () =>
      given([created])
        .when(closeCommand)
        .then([
          {
            type: E.ended,
            data: {
              sessionId: ids.session,
              appointmentId: ids.appointment,
              outcome: 'cancelled',
              endedAt: '2031-03-08T09:00:00Z',
              endedBy: system,
            },
          },
        ]));
    it('decides nothing for a closed session (a redelivered cancellation)', () =>
      given([created, cancelled]).when(closeCommand).then([]));
    it('decides nothing for a session it never created', () =>
      given([]).when(closeCommand).then([]));
  });

  describe('StartSession (consent gate)', () => {
    const startCommand = {
      type: 'StartSession',
      consent: { active: true, consentId: ids.consent },
      licences: 'not-checked',
      at: '2031-03-09T13:00:30Z',
      by: provider,
    } as const;
    it('starts with the active consent named', () =>
      given([created]).when(startCommand).then([started]));
    it.each(['consent-missing', 'consent-revoked', 'consent-expired'] as const)(
      'records a refusal when the consent is %s',
      (reason) =>
        given([created])
          .when({ ...startCommand, consent: { active: false, reason } })
          .then([
            {
              type: E.startRefused,
              data: {
                sessionId: ids.session,
                appointmentId: ids.appointment,
                refusedAt: '2031-03-09T13:00:30Z',
                reason,
                attemptedBy: provider,
              },
            },
          ]),
    );
    it('records a refusal on a closed session', () =>
      given([created, cancelled])
        .when(startCommand)
        .then([
          expect.objectContaining({
            type: E.startRefused,
            data: expect.objectContaining({ reason: 'session-closed' }),
          }) as never,
        ]));
    it('refuses to start twice', () =>
      given([created, started]).when(startCommand).then(IllegalTransitionError));
    it('refuses a session that does not exist', () =>
      given([]).when(startCommand).then(new IllegalTransitionError('start', 'none')));
  });

  describe('EndSession', () => {
    const endCommand = {
      type: 'EndSession',
      outcome: 'completed',
      at: '2031-03-09T13:25:30Z',
      by: provider,
    } as const;
    it('ends a running visit with its duration, the leaves of those present, and quality per participant', () =>
      given([
        created,
        arrived,
        started,
        admitted,
        joined(ids.patient, 'patient', '2031-03-09T13:01:05Z'),
        {
          type: E.sampled,
          data: {
            sessionId: ids.session,
            participantId: ids.patient,
            sampledAt: '2031-03-09T13:05:00Z',
            rttMs: 100,
            jitterMs: 10,
            packetLossPercent: 1,
            bitrateKbps: 900,
            band: 'good',
            mos: 4.2,
          },
        },
        {
          type: E.sampled,
          data: {
            sessionId: ids.session,
            participantId: ids.patient,
            sampledAt: '2031-03-09T13:06:00Z',
            rttMs: 600,
            jitterMs: 60,
            packetLossPercent: 7,
            bitrateKbps: 200,
            band: 'poor',
            mos: 2.4,
          },
        },
      ])
        .when(endCommand)
        .then([
          {
            type: E.left,
            data: {
              sessionId: ids.session,
              participantId: ids.patient,
              role: 'patient',
              leftAt: '2031-03-09T13:25:30Z',
              reason: 'session-ended',
            },
          },
          {
            type: E.ended,
            data: {
              sessionId: ids.session,
              appointmentId: ids.appointment,
              outcome: 'completed',
              startedAt: '2031-03-09T13:00:30Z',
              durationSeconds: 1500,
              endedAt: '2031-03-09T13:25:30Z',
              endedBy: provider,
              audioOnly: false,
              participantQuality: [
                {
                  participantId: ids.patient,
                  role: 'patient',
                  samples: 2,
                  meanMos: 3.3,
                  minMos: 2.4,
                  meanPacketLossPercent: 4,
                  meanRttMs: 350,
                  poorSamples: 1,
                  drops: 0,
                },
              ],
            },
          },
        ]));
    it('refuses to complete a visit that never started', () =>
      given([created]).when(endCommand).then(SessionRuleError));
    it('records a patient no-show after the start when the patient never arrived', () =>
      given([created])
        .when({ ...endCommand, outcome: 'patient-no-show', by: coordinator, at: END })
        .then([
          {
            type: E.ended,
            data: {
              sessionId: ids.session,
              appointmentId: ids.appointment,
              outcome: 'patient-no-show',
              endedAt: END,
              endedBy: coordinator,
              audioOnly: false,
            },
          },
        ]));
    it('refuses a patient no-show when the patient was in the waiting room', () =>
      given([created, arrived])
        .when({ ...endCommand, outcome: 'patient-no-show', at: END })
        .then(new SessionRuleError('the patient arrived in the waiting room')));
    it('refuses a no-show before the scheduled start', () =>
      given([created])
        .when({ ...endCommand, outcome: 'patient-no-show', at: '2031-03-09T12:00:00Z' })
        .then(SessionRuleError));
  });
});

describe('TransferProvider', () => {
  const transferCommand = {
    type: 'TransferProvider',
    toProviderId: ids.otherProvider,
    incoming: { credential: 'not-checked', licences: 'not-checked' },
    at: '2031-03-09T13:10:00Z',
    by: coordinator,
  } as const;
  it('hands the visit over: the provider leaves, their link stops, the new provider takes it', () =>
    given([
      created,
      linkIssued(ids.providerLink, ids.provider, 'provider'),
      started,
      joined(ids.provider, 'provider', '2031-03-09T13:00:40Z'),
    ])
      .when(transferCommand)
      .then([
        {
          type: E.left,
          data: {
            sessionId: ids.session,
            participantId: ids.provider,
            role: 'provider',
            leftAt: '2031-03-09T13:10:00Z',
            reason: 'removed',
          },
        },
        {
          type: E.linkRevoked,
          data: {
            sessionId: ids.session,
            linkId: ids.providerLink,
            participantId: ids.provider,
            revokedAt: '2031-03-09T13:10:00Z',
            cause: 'provider-transferred',
            revokedBy: coordinator,
          },
        },
        {
          type: E.transferred,
          data: {
            sessionId: ids.session,
            appointmentId: ids.appointment,
            fromProviderId: ids.provider,
            toProviderId: ids.otherProvider,
            transferredAt: '2031-03-09T13:10:00Z',
            transferredBy: coordinator,
          },
        },
      ]));
  it('refuses a transfer to the same provider', () =>
    given([created])
      .when({ ...transferCommand, toProviderId: ids.provider })
      .then(SessionRuleError));
  it('refuses a transfer of an ended visit', () =>
    given([created, cancelled]).when(transferCommand).then(IllegalTransitionError));
});
