import { appointmentSettingsFromEnv } from './appointments.settings';

const settings = (env: Record<string, string>) => appointmentSettingsFromEnv((name) => env[name]);

describe('appointment settings', () => {
  it('require a current credential and a licence where the patient is, by default', () =>
    expect(settings({})).toMatchObject({ requireCredential: true, requireLicence: true }));

  it('let development turn either check off', () =>
    expect(
      settings({ SCHEDULING_REQUIRE_LICENCE: 'false', SCHEDULING_REQUIRE_CREDENTIAL: 'false' }),
    ).toMatchObject({ requireCredential: false, requireLicence: false }));

  it.each(['SCHEDULING_REQUIRE_LICENCE', 'SCHEDULING_REQUIRE_CREDENTIAL'])(
    'refuse to start in production with %s=false',
    (name) =>
      expect(() => settings({ NODE_ENV: 'production', [name]: 'false' })).toThrow(
        `${name}: cannot be false in production`,
      ),
  );

  it('refuse a value that is neither true nor false, naming the variable', () =>
    expect(() => settings({ SCHEDULING_REQUIRE_LICENCE: 'no' })).toThrow(
      'SCHEDULING_REQUIRE_LICENCE: must be true or false',
    ));
});
