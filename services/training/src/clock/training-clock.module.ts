import { DynamicModule, Module } from '@nestjs/common';

/** The one clock of the service; tests start it on another clock to move time. */
export const TRAINING_CLOCK = Symbol('TRAINING_CLOCK');
export type Clock = () => Date;

/** Global so that a test can replace the clock without overriding providers in feature modules. */
@Module({})
export class TrainingClockModule {
  static use(clock: Clock = () => new Date()): DynamicModule {
    return {
      module: TrainingClockModule,
      global: true,
      providers: [{ provide: TRAINING_CLOCK, useValue: clock }],
      exports: [TRAINING_CLOCK],
    };
  }
}
