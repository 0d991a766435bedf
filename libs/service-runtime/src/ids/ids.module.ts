import { DynamicModule, Module } from '@nestjs/common';
import { ID_PROVIDER, IdProvider, randomIds } from './id-provider';

/** Gives every part of a service the same id provider; global, like the clock. */
@Module({})
export class IdsModule {
  static use(ids: IdProvider = randomIds): DynamicModule {
    return {
      module: IdsModule,
      global: true,
      providers: [{ provide: ID_PROVIDER, useValue: ids }],
      exports: [ID_PROVIDER],
    };
  }
}
