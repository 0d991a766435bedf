import { DynamicModule, Module } from '@nestjs/common';

/** The one clock of the service; tests start the service on another one. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/** Global, so that a test replaces the clock without overriding providers in feature modules. */
@Module({})
export class SessionsClockModule {
  static use(clock: Clock = () => new Date()): DynamicModule {
    return {
      module: SessionsClockModule,
      global: true,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
