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

  it.each([
    [{ SESSIONS_LINK_SIGNING_KEY: 'c2hvcnQ=' }, 'SESSIONS_LINK_SIGNING_KEY'],
    [{ NODE_ENV: 'production' }, 'SESSIONS_LINK_SIGNING_KEY: required in production'],
    [{ SESSIONS_LINK_CLOSES_MINUTES: '0' }, 'SESSIONS_LINK_CLOSES_MINUTES'],
    [{ SESSIONS_JOIN_BASE_URL: 'javascript:alert(1)' }, 'SESSIONS_JOIN_BASE_URL'],
    [{ SESSIONS_INCIDENT_THRESHOLD: 'ten' }, 'SESSIONS_INCIDENT_THRESHOLD'],
  ])('refuses %o', (values, message) => {
    expect(() =>
      sessionsSettingsFromEnv(env({ SESSIONS_VIDEO_SIGNING_KEY: key, ...values })),
    ).toThrow(message);
  });
});
