import { ids, START, END } from '../domain/session.fixture';
import { absent, Session } from '../domain/session.state';
import type { LinkHolder } from './link-standing';
import { visitStateOf } from './visit-state';

const scheduled: Session = {
  status: 'scheduled',
  sessionId: ids.session,
  appointmentId: ids.appointment,
  patientId: ids.patient,
  providerId: ids.provider,
  clinicId: ids.clinic,
  visitType: 'video',
  scheduledStart: START,
  scheduledEnd: END,
  participants: [
    { participantId: ids.patient, role: 'patient' },
    { participantId: ids.provider, role: 'provider' },
    { participantId: ids.interpreter, role: 'interpreter' },
  ],
  links: [],
  presence: {},
  quality: {},
  issues: [],
  surveyed: false,
};
const arrived: Session = { ...scheduled, arrivedAt: '2031-03-09T12:55:00Z' };
const providerIn = { ...absent, present: true, joins: 1 };

const patient: LinkHolder = {
  sessionId: ids.session,
  participantId: ids.patient,
  role: 'patient',
  linkId: ids.patientLink,
};
const interpreter: LinkHolder = { ...patient, participantId: ids.interpreter, role: 'interpreter' };

describe("the link holder's state in their visit", () => {
  it.each([
    ['scheduled before the patient arrives', scheduled, 'scheduled'],
    ['waiting while the provider is not there', arrived, 'waiting'],
    [
      'provider-joining once the provider is in the room',
      { ...arrived, presence: { [ids.provider]: providerIn } },
      'provider-joining',
    ],
    [
      'provider-joining once the visit started',
      { ...arrived, status: 'in-progress', startedAt: START },
      'provider-joining',
    ],
    [
      'admitted once admitted, whoever is in the room',
      { ...arrived, status: 'in-progress', admittedAt: START },
      'admitted',
    ],
    [
      'ended once the visit ended, admitted or not',
      { ...arrived, status: 'ended', endedAt: END },
      'ended',
    ],
  ] as const)('a patient is %s', (_, session, state) => {
    expect(visitStateOf(session as Session, patient)).toBe(state);
  });

  it('an interpreter is scheduled until they join the room, then admitted, with no waiting room', () => {
    expect(visitStateOf(arrived, interpreter)).toBe('scheduled');
    const joined = { ...arrived, presence: { [ids.interpreter]: providerIn } };
    expect(visitStateOf(joined, interpreter)).toBe('admitted');
    const left = { ...arrived, presence: { [ids.interpreter]: { ...providerIn, present: false } } };
    expect(visitStateOf(left, interpreter)).toBe('admitted');
  });
});
