import { expectValidFhir } from '@thc/testing';
import { sessionDecider } from '../domain/session.decider';
import { SESSION_EVENT as E, SessionEvent } from '../domain/session.events';
import { arrived, cancelled, created, ids, provider, started } from '../testing/session.fixture';
import type { Session } from '../domain/session.state';
import { encounterStatus, toFhirEncounter } from './fhir-encounter';

const fold = (events: SessionEvent[]): Session => {
  const state = events.reduce(sessionDecider.evolve, sessionDecider.initialState());
  if (state.status === 'none') throw new Error('no session');
  return state;
};
const completed: SessionEvent = {
  type: E.ended,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    outcome: 'completed',
    startedAt: '2031-03-09T13:00:30Z',
    durationSeconds: 1500,
    endedAt: '2031-03-09T13:25:30Z',
    endedBy: provider,
  },
};
const noShow: SessionEvent = {
  type: E.ended,
  data: { ...cancelled.data, outcome: 'patient-no-show' } as never,
};

describe('a session as a FHIR R4 Encounter', () => {
  test.each<[string, string, SessionEvent[]]>([
    ['booked', 'planned', [created]],
    ['patient waiting', 'arrived', [created, arrived]],
    ['started', 'in-progress', [created, started]],
    ['completed', 'finished', [created, started, completed]],
    ['cancelled', 'cancelled', [created, cancelled]],
    ['patient no-show', 'cancelled', [created, noShow]],
  ])('%s is %s, and passes the R4 validator', (_label, status, events) => {
    expect(encounterStatus(fold(events))).toBe(status);
    expectValidFhir(toFhirEncounter(fold(events)));
  });

  it('is virtual (class VR), for the patient, with the provider and interpreter, and lasts 25 min', () => {
    expect(toFhirEncounter(fold([created, started, completed]))).toEqual({
      resourceType: 'Encounter',
      id: ids.session,
      status: 'finished',
      class: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: 'VR',
        display: 'virtual',
      },
      subject: { reference: `Patient/${ids.patient}` },
      participant: [
        {
          type: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                  code: 'PPRF',
                  display: 'primary performer',
                },
              ],
            },
          ],
          individual: { reference: `Practitioner/${ids.provider}` },
        },
        {
          type: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/participant-type',
                  code: 'translator',
                  display: 'Translator',
                },
              ],
            },
          ],
          individual: { reference: `Practitioner/${ids.interpreter}` },
        },
      ],
      appointment: [{ reference: `Appointment/${ids.appointment}` }],
      period: { start: '2031-03-09T13:00:30Z', end: '2031-03-09T13:25:30Z' },
      length: { value: 25, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
      location: [{ location: { reference: `Location/${ids.clinic}` } }],
    });
  });

  it('a visit cancelled before it started keeps its planned start and has no end', () => {
    const encounter = toFhirEncounter(fold([created, cancelled]));
    expect(encounter.period).toEqual({ start: fold([created]).scheduledStart });
    expect(encounter.length).toBeUndefined();
  });

  it('names the staff and the clinic the directory lists, and no one else', () => {
    const encounter = toFhirEncounter(fold([created, started, completed]), {
      // The interpreter is not listed: no name rather than a made-up one.
      staff: new Map([
        [ids.provider, 'Dr. Adaeze Okafor'],
        [ids.patient, 'a patient name that must never show'],
      ]),
      clinic: 'Riverside Telehealth Clinic',
    });
    expectValidFhir(encounter);
    expect(encounter.participant?.map((p) => p.individual)).toEqual([
      { reference: `Practitioner/${ids.provider}`, display: 'Dr. Adaeze Okafor' },
      { reference: `Practitioner/${ids.interpreter}` },
    ]);
    expect(encounter.subject).toEqual({ reference: `Patient/${ids.patient}` });
    expect(encounter.location).toEqual([
      { location: { reference: `Location/${ids.clinic}`, display: 'Riverside Telehealth Clinic' } },
    ]);
  });
});
