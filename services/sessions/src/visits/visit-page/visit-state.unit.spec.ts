import { created, END, ids, START } from '../testing/session.fixture';
import { evolve } from '../domain/session.evolve';
import { absent, initialSessionState, Session } from '../domain/session.state';
import type { LinkHolder } from '../link-standing';
import { visitStateOf } from './visit-state';

/** The fixture's visit as its creation leaves it: booked, nobody there yet. */
const scheduled = evolve(initialSessionState(), created) as Session;
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
