import { Global, Module } from '@nestjs/common';
import { AUDIT_SETTINGS, auditSettingsFromEnv } from './audit.settings';

/** The service's settings, validated from the environment at start-up. */
@Global()
@Module({
  providers: [{ provide: AUDIT_SETTINGS, useFactory: () => auditSettingsFromEnv() }],
  exports: [AUDIT_SETTINGS],
})
export class AuditSettingsModule {}
