import { ids, START, END } from './testing/session.fixture';
import type { Session } from './domain/session.state';
import { standingOf } from './link-standing';

const now = new Date('2031-03-09T12:50:00Z');
const session: Session = {
  status: 'scheduled',
  sessionId: ids.session,
  appointmentId: ids.appointment,
  patientId: ids.patient,
  providerId: ids.provider,
  clinicId: ids.clinic,
  visitType: 'video',
  scheduledStart: START,
  scheduledEnd: END,
  participants: [{ participantId: ids.patient, role: 'patient' }],
  links: [
    {
      linkId: ids.patientLink,
      participantId: ids.patient,
      expiresAt: '2031-03-09T15:00:00Z',
      revoked: false,
    },
  ],
  presence: {},
  quality: {},
  issues: [],
  surveyed: false,
};

describe('whether a join link speaks for its participant', () => {
  it('names the participant of a live link on its own device, or before any device', () => {
    const holder = {
      sessionId: ids.session,
      participantId: ids.patient,
      role: 'patient',
      linkId: ids.patientLink,
    };
    expect(standingOf(session, ids.patientLink, 'bound-here', now)).toEqual({ holder });
    expect(standingOf(session, ids.patientLink, 'unbound', now)).toEqual({ holder });
    expect(standingOf({ ...session, status: 'ended' }, ids.patientLink, 'bound-here', now)).toEqual(
      { holder },
    );
  });

  it.each([
    ['a session that does not exist', { status: 'none' } as const, 'bound-here', 'forged'],
    ['a link the session never issued', { ...session, links: [] }, 'bound-here', 'forged'],
    [
      'a revoked link',
      { ...session, links: [{ ...session.links[0]!, revoked: true }] },
      'bound-here',
      'revoked',
    ],
    [
      'an expired link',
      { ...session, links: [{ ...session.links[0]!, expiresAt: '2031-03-09T12:00:00Z' }] },
      'bound-here',
      'expired',
    ],
    ['another device', session, 'bound-elsewhere', 'in-use'],
  ] as const)('refuses %s', (_, state, device, refused) => {
    expect(standingOf(state, ids.patientLink, device, now)).toEqual({ refused });
  });
});
