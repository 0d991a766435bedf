import { validateEvent } from '@thc/contracts';
import { deciderSpec } from '@thc/testing';
import type { LinkToDeliver } from './session.commands';
import { sessionDecider } from './session.decider';
import { ParticipantRole, SESSION_EVENT as E, SealedText, SessionEvent } from './session.events';
import { created, ids, sealed, START, started, system } from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);

const drawn = '8e1a3c5d-7f9b-4b2d-8e4f-1a3c5e7d9f11';
const link = {
  patientOld: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d01',
  interpreterOld: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d02',
  patient: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d03',
  interpreter: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d04',
  provider: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d05',
  drawn: '0b1d3f5a-7c9e-4b2d-8f4a-6c8e1a3b5d06',
} as const;
const url = {
  patient: sealed('cGF0aWVudA=='),
  interpreter: sealed('aW50ZXJwcmV0ZXI='),
  provider: sealed('cHJvdmlkZXI='),
  drawn: sealed('ZHJhd24='),
};

const BOOKED_EXPIRY = '2031-03-09T15:00:00Z';
const NEW_START = '2031-03-12T15:00:00Z';
const NEW_END = '2031-03-12T15:30:00Z';
const NEW_EXPIRY = '2031-03-12T17:00:00Z';
const MOVED_AT = '2031-03-05T10:00:00Z';

const toDeliver = (linkId: string, participantId: string, sealedUrl: SealedText) =>
  ({ linkId, participantId, expiresAt: NEW_EXPIRY, link: sealedUrl }) satisfies LinkToDeliver;

interface Sent {
  readonly linkId: string;
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly link: SealedText;
  readonly expiresAt: string;
  readonly visitStart: string;
  readonly deliver: 'before-visit' | 'now';
  readonly at: string;
}

/** A link issued and its delivery request, as the decider writes them after a change. */
const sent = (s: Sent): SessionEvent[] => [
  {
    type: E.linkIssued,
    data: {
      sessionId: ids.session,
      linkId: s.linkId,
      participantId: s.participantId,
      role: s.role,
      issuedAt: s.at,
      expiresAt: s.expiresAt,
    },
  },
  {
    type: E.linkDeliveryRequested,
    data: {
      sessionId: ids.session,
      appointmentId: ids.appointment,
      patientId: ids.patient,
      linkId: s.linkId,
      participantId: s.participantId,
      role: s.role,
      link: s.link,
      visitStart: s.visitStart,
      expiresAt: s.expiresAt,
      deliver: s.deliver,
      requestedAt: s.at,
    },
  },
];

const issuedAtBooking = (linkId: string, participantId: string, role: ParticipantRole) =>
  sent({
    linkId,
    participantId,
    role,
    link: url.patient,
    expiresAt: BOOKED_EXPIRY,
    visitStart: START,
    deliver: 'before-visit',
    at: created.type === E.created ? created.data.createdAt : '',
  });

/** The session as booked: patient's and interpreter's links sent, the provider's taken in the console. */
const booked: SessionEvent[] = [
  created,
  ...issuedAtBooking(link.patientOld, ids.patient, 'patient'),
  ...issuedAtBooking(link.interpreterOld, ids.interpreter, 'interpreter'),
];

const revoked = (linkId: string, participantId: string, cause: string, at: string) =>
  ({
    type: E.linkRevoked,
    data: {
      sessionId: ids.session,
      linkId,
      participantId,
      revokedAt: at,
      cause,
      revokedBy: system,
    },
  }) as SessionEvent;

const rescheduled: SessionEvent = {
  type: E.rescheduled,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    providerId: ids.provider,
    previousStart: START,
    scheduledStart: NEW_START,
    scheduledEnd: NEW_END,
    rescheduledAt: MOVED_AT,
  },
};

const interpreterChanged = (at: string, previousInterpreterId?: string): SessionEvent => ({
  type: E.interpreterChanged,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    interpreterId: drawn,
    ...(previousInterpreterId ? { previousInterpreterId } : {}),
    changedAt: at,
  },
});

const forNewTime = (
  linkId: string,
  participantId: string,
  role: ParticipantRole,
  sealedUrl: SealedText,
) =>
  sent({
    linkId,
    participantId,
    role,
    link: sealedUrl,
    expiresAt: NEW_EXPIRY,
    visitStart: NEW_START,
    deliver: 'before-visit',
    at: MOVED_AT,
  });

const everyEventValid = (events: readonly SessionEvent[]) => {
  for (const event of events)
    expect({ type: event.type, error: validateEvent(event.type, event.data) }).toEqual({
      type: event.type,
      error: undefined,
    });
};

describe('new join links after a move or a new interpreter', () => {
  describe('MoveSession with the links for the new time', () => {
    const move = {
      type: 'MoveSession',
      providerId: ids.provider,
      start: NEW_START,
      end: NEW_END,
      links: [
        toDeliver(link.patient, ids.patient, url.patient),
        toDeliver(link.interpreter, ids.interpreter, url.interpreter),
      ],
      at: MOVED_AT,
    } as const;

    it('revokes the old links and issues each participant a new one, delivered before the new time', () =>
      given(booked)
        .when(move)
        .then([
          rescheduled,
          revoked(link.patientOld, ids.patient, 'session-rescheduled', MOVED_AT),
          revoked(link.interpreterOld, ids.interpreter, 'session-rescheduled', MOVED_AT),
          ...forNewTime(link.patient, ids.patient, 'patient', url.patient),
          ...forNewTime(link.interpreter, ids.interpreter, 'interpreter', url.interpreter),
        ]));

    it('decides events the contracts accept', () => {
      const state = booked.reduce(sessionDecider.evolve, sessionDecider.initialState());
      everyEventValid([sessionDecider.decide(move, state)].flat());
    });

    it('issues no link for the provider, nor a second one for the same participant', () =>
      given(booked)
        .when({
          ...move,
          links: [
            toDeliver(link.patient, ids.patient, url.patient),
            toDeliver(link.provider, ids.provider, url.provider),
            toDeliver(link.interpreter, ids.patient, url.interpreter),
          ],
        })
        .then([
          rescheduled,
          revoked(link.patientOld, ids.patient, 'session-rescheduled', MOVED_AT),
          revoked(link.interpreterOld, ids.interpreter, 'session-rescheduled', MOVED_AT),
          ...forNewTime(link.patient, ids.patient, 'patient', url.patient),
        ]));

    it('decides nothing when redelivered, so no second set of links', () =>
      given([
        ...booked,
        rescheduled,
        revoked(link.patientOld, ids.patient, 'session-rescheduled', MOVED_AT),
        revoked(link.interpreterOld, ids.interpreter, 'session-rescheduled', MOVED_AT),
        ...forNewTime(link.patient, ids.patient, 'patient', url.patient),
        ...forNewTime(link.interpreter, ids.interpreter, 'interpreter', url.interpreter),
      ])
        .when(move)
        .then([]));

    it('sends the interpreter held for the new time the link, not the one replaced', () =>
      given(booked)
        .when({
          ...move,
          interpreterId: drawn,
          links: [
            toDeliver(link.patient, ids.patient, url.patient),
            toDeliver(link.interpreter, ids.interpreter, url.interpreter),
            toDeliver(link.drawn, drawn, url.drawn),
          ],
        })
        .then([
          rescheduled,
          revoked(link.patientOld, ids.patient, 'session-rescheduled', MOVED_AT),
          revoked(link.interpreterOld, ids.interpreter, 'session-rescheduled', MOVED_AT),
          interpreterChanged(MOVED_AT, ids.interpreter),
          ...forNewTime(link.patient, ids.patient, 'patient', url.patient),
          ...forNewTime(link.drawn, drawn, 'interpreter', url.drawn),
        ]));

    it('without links (none could be sealed), only moves and revokes', () =>
      given(booked)
        .when({ ...move, links: [] })
        .then([
          rescheduled,
          revoked(link.patientOld, ids.patient, 'session-rescheduled', MOVED_AT),
          revoked(link.interpreterOld, ids.interpreter, 'session-rescheduled', MOVED_AT),
        ]));
  });

  describe('AssignSessionInterpreter with the interpreter’s link', () => {
    const assign = (at: string) =>
      ({
        type: 'AssignSessionInterpreter',
        interpreterId: drawn,
        links: [
          { linkId: link.drawn, participantId: drawn, expiresAt: BOOKED_EXPIRY, link: url.drawn },
        ],
        at,
      }) as const;
    const drawnSent = (at: string, deliver: 'before-visit' | 'now') =>
      sent({
        linkId: link.drawn,
        participantId: drawn,
        role: 'interpreter',
        link: url.drawn,
        expiresAt: BOOKED_EXPIRY,
        visitStart: START,
        deliver,
        at,
      });
    const withoutInterpreter: SessionEvent[] = [
      {
        ...created,
        data: {
          ...created.data,
          participants: created.type === E.created ? created.data.participants.slice(0, 2) : [],
        },
      } as SessionEvent,
      ...issuedAtBooking(link.patientOld, ids.patient, 'patient'),
    ];

    it('before the visit, the interpreter drawn is sent their link before it', () =>
      given(withoutInterpreter)
        .when(assign('2031-03-08T09:00:00Z'))
        .then([
          interpreterChanged('2031-03-08T09:00:00Z'),
          ...drawnSent('2031-03-08T09:00:00Z', 'before-visit'),
        ]));

    it('during the visit, the link is sent at once', () =>
      given([...withoutInterpreter, started])
        .when(assign('2031-03-09T13:04:01Z'))
        .then([
          interpreterChanged('2031-03-09T13:04:01Z'),
          ...drawnSent('2031-03-09T13:04:01Z', 'now'),
        ]));

    it('replacing an interpreter revokes their link and sends the new one theirs', () =>
      given(booked)
        .when(assign('2031-03-08T09:00:00Z'))
        .then([
          interpreterChanged('2031-03-08T09:00:00Z', ids.interpreter),
          revoked(link.interpreterOld, ids.interpreter, 'revoked-by-staff', '2031-03-08T09:00:00Z'),
          ...drawnSent('2031-03-08T09:00:00Z', 'before-visit'),
        ]));

    it('decides events the contracts accept', () => {
      const state = booked.reduce(sessionDecider.evolve, sessionDecider.initialState());
      everyEventValid([sessionDecider.decide(assign('2031-03-08T09:00:00Z'), state)].flat());
    });

    it('decides nothing when redelivered', () =>
      given([
        ...withoutInterpreter,
        interpreterChanged('2031-03-08T09:00:00Z'),
        ...drawnSent('2031-03-08T09:00:00Z', 'before-visit'),
      ])
        .when(assign('2031-03-08T09:00:05Z'))
        .then([]));
  });
});
