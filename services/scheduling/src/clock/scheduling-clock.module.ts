import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock } from '../appointments/appointments.settings';
import { AVAILABILITY_CLOCK } from '../availability/availability.port';

/**
 * The one clock of the service, given to every part (availability, appointments, reminders).
 * Global so that a test can start the service on another clock without overriding providers
 * inside the feature modules.
 */
@Module({})
export class SchedulingClockModule {
  static use(clock: Clock = () => new Date()): DynamicModule {
    return {
      module: SchedulingClockModule,
      global: true,
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: AVAILABILITY_CLOCK, useValue: clock },
      ],
      exports: [CLOCK, AVAILABILITY_CLOCK],
    };
  }
}
