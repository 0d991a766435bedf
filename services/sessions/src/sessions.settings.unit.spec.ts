import { sessionsSettingsFromEnv } from './sessions.settings';

const key = Buffer.alloc(32, 7).toString('base64');
const env =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('sessions settings from the environment', () => {
  it('defaults the link window to 30 minutes before and 2 hours after the start', () => {
    const settings = sessionsSettingsFromEnv(
      env({ SESSIONS_LINK_SIGNING_KEY: key, SESSIONS_VIDEO_SIGNING_KEY: key }),
    );
    expect(settings).toMatchObject({ linkOpensMinutesBefore: 30, linkClosesMinutesAfter: 120 });
  });

  it('checks licences and credentials unless development turns them off', () => {
    const keys = { SESSIONS_LINK_SIGNING_KEY: key, SESSIONS_VIDEO_SIGNING_KEY: key };
    expect(sessionsSettingsFromEnv(env(keys))).toMatchObject({
      requireLicence: true,
      requireCredential: true,
    });
    expect(
      sessionsSettingsFromEnv(
        env({ ...keys, SESSIONS_REQUIRE_LICENCE: 'false', SESSIONS_REQUIRE_CREDENTIAL: 'false' }),
      ),
    ).toMatchObject({ requireLicence: false, requireCredential: false });
  });

  it.each([
    [{ SESSIONS_LINK_SIGNING_KEY: 'c2hvcnQ=' }, 'SESSIONS_LINK_SIGNING_KEY'],
    [{ NODE_ENV: 'production' }, 'SESSIONS_LINK_SIGNING_KEY: required in production'],
    [{ SESSIONS_LINK_CLOSES_MINUTES: '0' }, 'SESSIONS_LINK_CLOSES_MINUTES'],
    [{ SESSIONS_JOIN_BASE_URL: 'javascript:alert(1)' }, 'SESSIONS_JOIN_BASE_URL'],
    [{ SESSIONS_INCIDENT_THRESHOLD: 'ten' }, 'SESSIONS_INCIDENT_THRESHOLD'],
    [{ SESSIONS_REQUIRE_LICENCE: 'no' }, 'SESSIONS_REQUIRE_LICENCE: must be true or false'],
    [
      { NODE_ENV: 'production', SESSIONS_LINK_SIGNING_KEY: key, SESSIONS_REQUIRE_LICENCE: 'false' },
      'SESSIONS_REQUIRE_LICENCE: cannot be turned off in production',
    ],
    [
      {
        NODE_ENV: 'production',
        SESSIONS_LINK_SIGNING_KEY: key,
        SESSIONS_REQUIRE_CREDENTIAL: 'false',
      },
      'SESSIONS_REQUIRE_CREDENTIAL: cannot be turned off in production',
    ],
  ])('refuses %o', (values, message) => {
    expect(() =>
      sessionsSettingsFromEnv(env({ SESSIONS_VIDEO_SIGNING_KEY: key, ...values })),
    ).toThrow(message);
  });
});
