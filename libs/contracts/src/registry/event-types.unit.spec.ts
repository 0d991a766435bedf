import type { EventDataOf, EventType, PlatformEvent } from './event-registry';
import type { AppointmentBookedV1 } from './scheduling/appointment-booked.event';
import type { ConnectionQualitySampledV2 } from './sessions/connection-quality-sampled.event';

/*
 * The data types are derived from the JSON Schemas with json-schema-to-ts. These assertions are
 * checked by `tsc` (npm run typecheck): a schema edit that changes a type the code relies on
 * fails the type check here, not in a service.
 */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

describe('types derived from the schemas', () => {
  it('derive literal unions, optional fields and discriminated actors', () => {
    assertType<Equals<AppointmentBookedV1['visitType'], 'video' | 'audio'>>();
    assertType<Equals<EventDataOf<'thc.scheduling.AppointmentBooked.v1'>, AppointmentBookedV1>>();
    assertType<Equals<ConnectionQualitySampledV2['band'], 'good' | 'fair' | 'poor'>>();
    assertType<
      Equals<EventDataOf<'thc.sessions.SessionEnded.v1'>['startedAt'], string | undefined>
    >();
    assertType<
      Equals<
        Extract<AppointmentBookedV1['bookedBy'], { kind: 'system' }>['service'],
        'scheduling' | 'sessions' | 'training' | 'compliance-audit' | 'analytics' | 'notifications'
      >
    >();
    assertType<
      Equals<EventDataOf<'thc.scheduling.ReminderDue.v1'>['contact']['alg'], 'AES-256-GCM'>
    >();
    expect(true).toBe(true);
  });

  it('narrow a platform event by its type, and refuse unknown types', () => {
    const describe = (event: PlatformEvent): string =>
      event.type === 'thc.scheduling.AppointmentBooked.v1' ? event.data.start : event.type;
    const known: EventType = 'thc.training.StaffCredentialed.v1';
    // @ts-expect-error not a registered type
    const unknown: EventType = 'thc.training.StaffPromoted.v1';
    const readonlyData = (data: AppointmentBookedV1): void => {
      // @ts-expect-error events are immutable facts
      data.start = '2026-01-01T00:00:00Z';
    };
    expect([typeof describe, known, unknown, typeof readonlyData]).toHaveLength(4);
  });
});
