import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { authSettingsFromEnv } from '../auth-settings';
import { TokenVerifier } from '../token-verifier';
import { AccessGuard } from './access.guard';

/** Token verification and the global access guard; settings are read when the app is created. */
@Global()
@Module({
  providers: [
    { provide: TokenVerifier, useFactory: () => new TokenVerifier(authSettingsFromEnv()) },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
