import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoHttpOptions } from './pino-options';

/**
 * nestjs-pino for the whole service: the Nest logger writes JSON through pino, and every HTTP
 * request gets one completion line. Written to `process.stdout` (not a raw file descriptor) so
 * that what reaches stdout is all there is to scan for PHI.
 */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({ pinoHttp: [pinoHttpOptions(service), process.stdout] }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
