import { authSettingsFromEnv, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from './auth-settings';

// What a health system's deployment sets: its identity provider's issuer, key set and audience.
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.health.example/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.health.example',
  AUTH_AUDIENCE: 'telehealth-coordinator-prod',
  AUTH_ORGANIZATION_ID: 'org-health-example',
};

const start = (env: Record<string, string | undefined>) => () =>
  authSettingsFromEnv((name) => env[name]);

describe('a production start refuses token settings that let someone else mint accepted tokens', () => {
  it('starts with the identity provider’s https key set, issuer and audience', () => {
    expect(start(PRODUCTION)()).toEqual({
      issuer: 'https://idp.health.example',
      audience: 'telehealth-coordinator-prod',
      jwksUrl: 'https://idp.health.example/.well-known/jwks.json',
      clockToleranceSeconds: 30,
      organizationId: 'org-health-example',
    });
  });

  it.each([
    [
      'the local development key set, whose private key every checkout can create',
      'AUTH_LOCAL_JWKS',
      { AUTH_JWKS_URL: undefined, AUTH_LOCAL_JWKS: '/run/thc-auth/jwks.json' },
    ],
    [
      'the local key set next to a real JWKS URL',
      'AUTH_LOCAL_JWKS',
      { AUTH_LOCAL_JWKS: '/run/thc-auth/jwks.json' },
    ],
    ['no issuer (the development default)', 'AUTH_ISSUER', { AUTH_ISSUER: undefined }],
    ['the development issuer written out', 'AUTH_ISSUER', { AUTH_ISSUER: DEFAULT_ISSUER }],
    ['an empty issuer', 'AUTH_ISSUER', { AUTH_ISSUER: '' }],
    ['no audience (the development default)', 'AUTH_AUDIENCE', { AUTH_AUDIENCE: undefined }],
    ['the development audience written out', 'AUTH_AUDIENCE', { AUTH_AUDIENCE: DEFAULT_AUDIENCE }],
    [
      'a key set fetched over plain http, which anyone on the path can replace',
      'AUTH_JWKS_URL',
      { AUTH_JWKS_URL: 'http://idp.health.example/.well-known/jwks.json' },
    ],
  ])('refuses %s, naming %s', (_case, setting, override) => {
    expect(start({ ...PRODUCTION, ...override })).toThrow(
      new RegExp(`NODE_ENV=production[\\s\\S]*^\\s*${setting}: `, 'm'),
    );
  });

  it('names every unfit setting of a development configuration in one refusal', () => {
    expect(start({ NODE_ENV: 'production', AUTH_LOCAL_JWKS: '/run/thc-auth/jwks.json' })).toThrow(
      /AUTH_LOCAL_JWKS[\s\S]*AUTH_JWKS_URL[\s\S]*AUTH_ISSUER[\s\S]*AUTH_AUDIENCE/,
    );
  });

  it('keeps development and tests working with the local key set and the defaults', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(start({ NODE_ENV, AUTH_LOCAL_JWKS: '/tmp/jwks.json' })()).toEqual({
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
        localJwksPath: '/tmp/jwks.json',
        clockToleranceSeconds: 30,
      });
    }
  });
});
