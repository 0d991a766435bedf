import { assertProductionAuthSettings } from './production-auth-settings';

/**
 * How tokens are verified. Production: the health system's OIDC provider publishes its keys at
 * AUTH_JWKS_URL. Development and tests: AUTH_LOCAL_JWKS names a JWKS file of local keys
 * (`npm run -s token` signs with the matching private key). With NODE_ENV=production a local
 * key set, the default issuer or audience, or an http:// JWKS URL stop the service at start-up.
 */
export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl?: string;
  readonly localJwksPath?: string;
  /** Allowed clock difference between issuer and service, in seconds. */
  readonly clockToleranceSeconds: number;
  /**
   * AUTH_ORGANIZATION_ID: the organization this deployment serves. When set, a token must
   * carry it in its `org` claim: a deployment is one organization's, and a token issued for
   * another organization (its admins included) is refused.
   */
  readonly organizationId?: string;
}

export const DEFAULT_ISSUER = 'https://auth.telehealth-coordinator.local';
export const DEFAULT_AUDIENCE = 'telehealth-coordinator';

export function authSettingsFromEnv(
  read: (name: string) => string | undefined = (n) => process.env[n],
): AuthSettings {
  const jwksUrl = read('AUTH_JWKS_URL');
  const localJwksPath = read('AUTH_LOCAL_JWKS');
  if (!jwksUrl && !localJwksPath) {
    throw new Error(
      'AUTH_JWKS_URL or AUTH_LOCAL_JWKS must be set: tokens cannot be verified without keys',
    );
  }
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl))
    throw new Error('AUTH_JWKS_URL: must be an http(s) URL');
  const tolerance = Number(read('AUTH_CLOCK_TOLERANCE_S') ?? 30);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) {
    throw new Error('AUTH_CLOCK_TOLERANCE_S: must be an integer between 0 and 300');
  }
  const organizationId = read('AUTH_ORGANIZATION_ID') || undefined;
  const settings: AuthSettings = {
    issuer: read('AUTH_ISSUER') || DEFAULT_ISSUER,
    audience: read('AUTH_AUDIENCE') || DEFAULT_AUDIENCE,
    ...(jwksUrl ? { jwksUrl } : {}),
    ...(localJwksPath ? { localJwksPath } : {}),
    clockToleranceSeconds: tolerance,
    ...(organizationId ? { organizationId } : {}),
  };
  if (read('NODE_ENV') === 'production')
    assertProductionAuthSettings(settings, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
  return settings;
}
