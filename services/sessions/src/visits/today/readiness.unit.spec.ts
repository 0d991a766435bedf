import type { ConsentStanding } from '../domain/session.commands';
import { evolve } from '../domain/session.evolve';
import { created, started } from '../testing/session.fixture';
import { initialSessionState, Session } from '../domain/session.state';
import { readinessOf } from './readiness';

const booked = evolve(initialSessionState(), created) as Session;
const underway = evolve(booked, started) as Session;
// The fixture's visit starts 2031-03-09T13:00:00Z; the board is read that morning.
const now = new Date('2031-03-09T08:00:00Z');
const onRecord: ConsentStanding = { active: true, consentId: 'c' };
const missing: ConsentStanding = { active: false, reason: 'consent-missing' };
const current = { status: 'current', validUntil: '2032-01-01T00:00:00Z' } as const;
const facts = {
  consent: onRecord,
  credential: current,
  providerName: 'Dr. Adaeze Okafor',
  timeZone: 'America/New_York',
};

describe("a visit's readiness", () => {
  it('is ready with consent on record and a current credential', () => {
    expect(readinessOf(booked, facts, now)).toEqual({
      ready: true,
      consent: 'on-record',
      credential: 'current',
      missing: [],
    });
  });

  it('names a missing consent and whom to ask', () => {
    expect(readinessOf(booked, { ...facts, consent: missing }, now)).toEqual({
      ready: false,
      consent: 'missing',
      credential: 'current',
      missing: [
        {
          what: 'No telehealth consent on record',
          ask: 'Ask the patient to consent on the visit page, or record their verbal consent',
        },
      ],
    });
  });

  it('counts a consent given on the visit page while compliance-audit records it', () => {
    const given = {
      ...booked,
      consentGivenAtJoin: { givenAt: '2031-03-09T07:00:00Z', textVersion: '1' },
    };
    expect(readinessOf(given, { ...facts, consent: missing }, now).consent).toBe('on-record');
  });

  it('does not ask again for the consent a started visit was checked for', () => {
    expect(readinessOf(underway, { ...facts, consent: missing }, now).ready).toBe(true);
  });

  it("names an expired credential by its day in the clinic's zone, and whom to ask", () => {
    const lapsed = {
      status: 'lapsed',
      cause: 'certification-expired',
      lapsedAt: '2031-03-01T02:00:00Z',
    } as const;
    expect(readinessOf(booked, { ...facts, credential: lapsed }, now)).toEqual({
      ready: false,
      consent: 'on-record',
      credential: 'expired',
      missing: [
        {
          what: "Dr. Adaeze Okafor's telehealth credential expired on 2031-02-28",
          ask: 'Ask the training team (trainer) to renew it, or transfer the visit',
        },
      ],
    });
  });

  it('calls a credential that ends before the visit expired, saying when', () => {
    const endsAtNoon = { status: 'current', validUntil: '2031-03-09T12:00:00Z' } as const;
    expect(readinessOf(booked, { ...facts, credential: endsAtNoon }, now).missing).toEqual([
      {
        what: "Dr. Adaeze Okafor's telehealth credential expires on 2031-03-09, before the visit",
        ask: 'Ask the training team (trainer) to renew it, or transfer the visit',
      },
    ]);
  });

  it('flags a credential ending within 30 days of the visit as expiring, still ready', () => {
    const soon = { status: 'current', validUntil: '2031-03-20T00:00:00Z' } as const;
    expect(readinessOf(booked, { ...facts, credential: soon }, now)).toMatchObject({
      ready: true,
      credential: 'expiring',
    });
  });

  it('names a provider without a credential', () => {
    const { credential: _, ...none } = facts;
    expect(readinessOf(booked, none, now)).toMatchObject({
      ready: false,
      credential: 'missing',
      missing: [
        {
          what: 'Dr. Adaeze Okafor has no telehealth credential on record',
          ask: 'Ask the training team (trainer) to credential them, or transfer the visit',
        },
      ],
    });
  });
});
