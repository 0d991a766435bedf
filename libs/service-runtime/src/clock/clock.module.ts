import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock, systemClock } from './clock';

/**
 * Gives every part of a service the same clock. Global, so a test starts the whole service on
 * another clock with `ClockModule.use(clock)` instead of overriding providers part by part.
 */
@Module({})
export class ClockModule {
  static use(clock: Clock = systemClock): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
