import { DynamicModule, Module } from '@nestjs/common';

/** The one clock of the service; tests start it on another clock to move time. */
export const NOTIFICATIONS_CLOCK = Symbol('NOTIFICATIONS_CLOCK');
export type Clock = () => Date;

/** Global so that a test can replace the clock without overriding providers in feature modules. */
@Module({})
export class NotificationsClockModule {
  static use(clock: Clock = () => new Date()): DynamicModule {
    return {
      module: NotificationsClockModule,
      global: true,
      providers: [{ provide: NOTIFICATIONS_CLOCK, useValue: clock }],
      exports: [NOTIFICATIONS_CLOCK],
    };
  }
}
