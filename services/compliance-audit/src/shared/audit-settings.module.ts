import { Global, Module } from '@nestjs/common';
import { AUDIT_SETTINGS, auditSettingsFromEnv, CLOCK } from './audit.settings';

/** The service's settings (validated from the environment at start-up) and its one clock. */
@Global()
@Module({
  providers: [
    { provide: AUDIT_SETTINGS, useFactory: () => auditSettingsFromEnv() },
    { provide: CLOCK, useValue: () => new Date() },
  ],
  exports: [AUDIT_SETTINGS, CLOCK],
})
export class AuditSettingsModule {}
