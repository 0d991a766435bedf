import { deciderSpec } from '@thc/testing';
import { sessionDecider } from './session.decider';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import { cancelled, created, ids, started, system } from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

const drawn = '8e1a3c5d-7f9b-4b2d-8e4f-1a3c5e7d9f11';
const interpreterLink = 'e5a7c9e1-4f6b-4d8a-b2c4-6e8a1c3e5f10';

/** A session booked with an interpreter on demand: patient and provider only. */
const withoutInterpreter: SessionEvent = {
  ...created,
  data: {
    ...created.data,
    participants: created.type === E.created ? created.data.participants.slice(0, 2) : [],
  },
} as SessionEvent;

const interpreterLinkIssued: SessionEvent = {
  type: E.linkIssued,
  data: {
    sessionId: ids.session,
    linkId: interpreterLink,
    participantId: ids.interpreter,
    role: 'interpreter',
    issuedAt: '2031-03-02T14:00:01Z',
    expiresAt: '2031-03-09T15:00:00Z',
  },
};

const changed = (at: string, previousInterpreterId?: string): SessionEvent => ({
  type: E.interpreterChanged,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    interpreterId: drawn,
    ...(previousInterpreterId ? { previousInterpreterId } : {}),
    changedAt: at,
  },
});

describe("the session's interpreter follows the appointment", () => {
  describe('AssignSessionInterpreter (drawn on demand)', () => {
    const assign = {
      type: 'AssignSessionInterpreter',
      interpreterId: drawn,
      at: '2031-03-09T13:04:01Z',
    } as const;
    it('adds the interpreter to a running visit', () =>
      given([withoutInterpreter, started])
        .when(assign)
        .then([changed('2031-03-09T13:04:01Z')]));
    it('makes them a participant a link can be issued for', () => {
      const state = [withoutInterpreter, changed('2031-03-09T13:04:01Z')].reduce(
        sessionDecider.evolve,
        sessionDecider.initialState(),
      );
      expect(state).toMatchObject({
        participants: [
          { participantId: ids.patient, role: 'patient' },
          { participantId: ids.provider, role: 'provider' },
          { participantId: drawn, role: 'interpreter' },
        ],
      });
      given([withoutInterpreter, changed('2031-03-09T13:04:01Z')])
        .when({
          type: 'IssueJoinLink',
          linkId: interpreterLink,
          participantId: drawn,
          expiresAt: '2031-03-09T15:00:00Z',
          at: '2031-03-09T13:04:02Z',
          by: system,
        })
        .then([
          {
            type: E.linkIssued,
            data: {
              sessionId: ids.session,
              linkId: interpreterLink,
              participantId: drawn,
              role: 'interpreter',
              issuedAt: '2031-03-09T13:04:02Z',
              expiresAt: '2031-03-09T15:00:00Z',
            },
          },
        ]);
    });
    it('decides nothing when redelivered', () =>
      given([withoutInterpreter, changed('2031-03-09T13:04:01Z')])
        .when(assign)
        .then([]));
    it('leaves an ended session alone', () =>
      given([withoutInterpreter, cancelled]).when(assign).then([]));
  });

  describe('MoveSession with another interpreter', () => {
    const move = {
      type: 'MoveSession',
      providerId: ids.provider,
      start: '2031-03-12T15:00:00Z',
      end: '2031-03-12T15:30:00Z',
      interpreterId: drawn,
      at: '2031-03-05T10:00:00Z',
    } as const;
    const rescheduled: SessionEvent = {
      type: E.rescheduled,
      data: {
        sessionId: ids.session,
        appointmentId: ids.appointment,
        providerId: ids.provider,
        previousStart: '2031-03-09T13:00:00Z',
        scheduledStart: '2031-03-12T15:00:00Z',
        scheduledEnd: '2031-03-12T15:30:00Z',
        rescheduledAt: '2031-03-05T10:00:00Z',
      },
    };
    const revoked: SessionEvent = {
      type: E.linkRevoked,
      data: {
        sessionId: ids.session,
        linkId: interpreterLink,
        participantId: ids.interpreter,
        revokedAt: '2031-03-05T10:00:00Z',
        cause: 'session-rescheduled',
        revokedBy: system,
      },
    };
    it("moves, revokes the old interpreter's link once, and replaces them", () =>
      given([created, interpreterLinkIssued])
        .when(move)
        .then([rescheduled, revoked, changed('2031-03-05T10:00:00Z', ids.interpreter)]));
    it('replaces the interpreter and revokes their links even when the slot is already moved', () =>
      given([created, interpreterLinkIssued, rescheduled])
        .when(move)
        .then([changed('2031-03-05T10:00:00Z', ids.interpreter), revoked]));
    it('decides nothing when redelivered', () =>
      given([
        created,
        interpreterLinkIssued,
        rescheduled,
        revoked,
        changed('2031-03-05T10:00:00Z', ids.interpreter),
      ])
        .when(move)
        .then([]));
    it('leaves the old interpreter out of the visit', () => {
      const state = [created, changed('2031-03-05T10:00:00Z', ids.interpreter)].reduce(
        sessionDecider.evolve,
        sessionDecider.initialState(),
      );
      expect(state).toMatchObject({
        participants: [
          { participantId: ids.patient, role: 'patient' },
          { participantId: ids.provider, role: 'provider' },
          { participantId: drawn, role: 'interpreter' },
        ],
      });
    });
  });
});
