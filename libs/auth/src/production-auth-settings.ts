import type { AuthSettings } from './auth-settings';

/** The development defaults a deployment must replace, kept here so the two cannot drift. */
export interface DevelopmentAuthDefaults {
  readonly issuer: string;
  readonly audience: string;
}

/**
 * What makes token settings unfit for production, one line per setting, empty when fit.
 * Each of these would let someone other than the health system's identity provider decide who
 * a caller is: a local key set is signed by whoever holds the development key (it ships with
 * every checkout's tooling); the default issuer and audience are the ones `npm run token`
 * mints, so tokens meant for a demo or another deployment would pass; keys fetched over plain
 * http can be swapped by anyone on the path.
 */
export function productionAuthProblems(
  settings: AuthSettings,
  defaults: DevelopmentAuthDefaults,
): string[] {
  const problems: string[] = [];
  if (settings.localJwksPath !== undefined)
    problems.push(
      'AUTH_LOCAL_JWKS: a development key set is refused in production; unset it and set AUTH_JWKS_URL to the identity provider’s https key set',
    );
  if (settings.jwksUrl === undefined)
    problems.push('AUTH_JWKS_URL: required in production (the identity provider’s https key set)');
  else if (!settings.jwksUrl.toLowerCase().startsWith('https://'))
    problems.push(
      'AUTH_JWKS_URL: must be an https:// URL in production; keys fetched over http can be replaced in transit',
    );
  if (settings.issuer === defaults.issuer)
    problems.push(
      `AUTH_ISSUER: required in production and must not be the development default ${defaults.issuer}`,
    );
  if (settings.audience === defaults.audience)
    problems.push(
      `AUTH_AUDIENCE: required in production and must not be the development default ${defaults.audience}`,
    );
  if (settings.organizationId === undefined)
    problems.push(
      'AUTH_ORGANIZATION_ID: required in production, so that tokens issued for another organization are refused',
    );
  return problems;
}

/** Throws one error naming every unfit setting, so a single failed start shows them all. */
export function assertProductionAuthSettings(
  settings: AuthSettings,
  defaults: DevelopmentAuthDefaults,
): void {
  const problems = productionAuthProblems(settings, defaults);
  if (problems.length > 0)
    throw new Error(`Refusing to start with NODE_ENV=production:\n  ${problems.join('\n  ')}`);
}
