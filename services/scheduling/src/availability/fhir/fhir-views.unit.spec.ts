import { expectValidFhir } from '@thc/testing';
import { rules, scheduleOf } from '../testing/schedule.fixture';
import { fhirSchedule } from './fhir-schedule.mapper';
import { busyFhirSlot, freeFhirSlot, searchsetOf } from './fhir-slot.mapper';

const providerId = scheduleOf().providerId;
const free = freeFhirSlot(
  providerId,
  {
    start: new Date('2026-03-09T13:00:00Z'),
    end: new Date('2026-03-09T13:30:00Z'),
    visitType: 'video',
  },
  'America/New_York',
);
const busy = busyFhirSlot(
  providerId,
  {
    appointmentId: 'a-1',
    start: new Date('2026-03-09T14:00:00Z'),
    end: new Date('2026-03-09T14:30:00Z'),
  },
  'America/New_York',
);

describe('FHIR R4 Schedule and Slot views (checked by the R4 validator)', () => {
  it('a free Slot has schedule, status, and instants with the provider offset', () => {
    expect(free).toMatchObject({
      status: 'free',
      start: '2026-03-09T09:00:00-04:00',
      end: '2026-03-09T09:30:00-04:00',
      schedule: { reference: `Schedule/${providerId}` },
    });
    expectValidFhir(free);
  });

  it('a searchset Bundle of free and busy slots is valid', () => {
    const bundle = searchsetOf(
      [free, busy],
      'http://host/fhir',
      'http://host/fhir/Slot?schedule=x',
    );
    expect(bundle.total).toBe(2);
    expectValidFhir(bundle);
  });

  it('a Schedule names its actor and planning horizon', () => {
    const schedule = fhirSchedule(scheduleOf(rules()), new Date('2026-03-09T12:00:00Z'));
    expect(schedule?.actor).toEqual([{ reference: `Practitioner/${providerId}` }]);
    expectValidFhir(schedule);
  });

  it('a Schedule names its provider as the directory does, and only when it does', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    const named = fhirSchedule(scheduleOf(rules()), now, 'Dr. Adaeze Okafor');
    expectValidFhir(named);
    expect(named?.actor).toEqual([
      { reference: `Practitioner/${providerId}`, display: 'Dr. Adaeze Okafor' },
    ]);
  });
});
