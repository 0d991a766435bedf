import { appointmentBookedV1 } from '../registry/scheduling/appointment-booked.event';
import { InvalidEventError, assertValidEvent, validateEvent } from './validate-event';

const type = appointmentBookedV1.type;
const valid = appointmentBookedV1.example;

describe('validating event data against its schema', () => {
  it('accepts valid data', () => {
    expect(validateEvent(type, valid)).toBeUndefined();
  });

  test.each([
    ['a missing field', { ...valid, patientId: undefined }, 'data.patientId is required'],
    [
      'a field no schema allows',
      { ...valid, patientName: 'Ann' },
      'data.patientName is not allowed',
    ],
    [
      'a time without an offset',
      { ...valid, start: '2026-03-09T09:00:00' },
      'data.start must match format "date-time"',
    ],
    [
      'an id that is not a UUID',
      { ...valid, clinicId: 'clinic-7' },
      'data.clinicId must match format "uuid"',
    ],
    [
      'a bad value in an array item',
      {
        ...valid,
        participants: [valid.participants[0], { ...valid.participants[1], role: 'nurse' }],
      },
      'data.participants[1].role must be equal to one of the allowed values (patient, provider, interpreter, caregiver)',
    ],
    [
      'an actor of neither shape',
      { ...valid, bookedBy: { kind: 'system', userId: valid.participants[0]?.participantId } },
      'data.bookedBy matches no allowed shape',
    ],
    ['data that is not an object', 'booked', 'data must be object'],
  ])('names the failing field for %s', (_case, data, message) => {
    expect(validateEvent(type, JSON.parse(JSON.stringify(data)) as unknown)).toContain(
      `${type}: ${message}`,
    );
  });

  it('says so for an unknown type', () => {
    expect(validateEvent('thc.scheduling.AppointmentTeleported.v1', valid)).toBe(
      'unknown event type thc.scheduling.AppointmentTeleported.v1',
    );
  });

  it('compiles each schema once, on first use', () => {
    jest.isolateModules(() => {
      // A fresh module registry: a fresh cache, and the Ajv class that module will use.
      const { default: Ajv } = jest.requireActual<typeof import('ajv')>('ajv');
      const compile = jest.spyOn(Ajv.prototype, 'compile');
      const isolated = jest.requireActual<typeof import('./validate-event')>('./validate-event');
      isolated.validateEvent(type, valid);
      isolated.validateEvent(type, { ...valid, end: 'later' });
      expect(compile).toHaveBeenCalledTimes(1);
      compile.mockRestore();
    });
  });

  it('lets producers assert, with the reason in the error', () => {
    expect(() => assertValidEvent(type, valid)).not.toThrow();
    expect(() => assertValidEvent(type, { ...valid, visitType: 'in-person' })).toThrow(
      new InvalidEventError(
        type,
        `${type}: data.visitType must be equal to one of the allowed values (video, audio)`,
      ),
    );
  });
});
