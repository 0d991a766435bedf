import { readWebSettings, WebSettingsError } from './web-settings';

const STATIC = '/srv/web/public';
const settingsOf = (env: NodeJS.ProcessEnv) => readWebSettings(env, STATIC);

describe('the web server settings', () => {
  it('runs locally on port 3000 against the six services on their default ports', () => {
    const settings = settingsOf({});
    expect(settings.port).toBe(3000);
    expect(settings.services).toEqual({
      scheduling: 'http://127.0.0.1:3001',
      sessions: 'http://127.0.0.1:3002',
      training: 'http://127.0.0.1:3003',
      'compliance-audit': 'http://127.0.0.1:3004',
      analytics: 'http://127.0.0.1:3005',
      notifications: 'http://127.0.0.1:3006',
    });
    expect(settings.devSignIn).toBeUndefined();
    expect(settings.oidc).toBeUndefined();
  });

  it('takes each service from its own variable, as in a cluster', () => {
    const settings = settingsOf({ COMPLIANCE_AUDIT_URL: 'http://compliance-audit/' });
    expect(settings.services['compliance-audit']).toBe('http://compliance-audit');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SESSIONS_URL: 'sessions:3002' }, 'SESSIONS_URL'],
    [{ WEB_OIDC_ISSUER: 'https://idp.example' }, 'WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => settingsOf(env)).toThrow(WebSettingsError);
    expect(() => settingsOf(env)).toThrow(name);
  });

  describe('in production', () => {
    const oidc = { WEB_OIDC_ISSUER: 'https://idp.example', WEB_OIDC_CLIENT_ID: 'thc-web' };

    it('requires the health system identity provider', () => {
      expect(() => settingsOf({ NODE_ENV: 'production' })).toThrow('WEB_OIDC_ISSUER');
      expect(settingsOf({ NODE_ENV: 'production', ...oidc }).oidc).toEqual({
        issuer: 'https://idp.example',
        clientId: 'thc-web',
        scope: 'openid profile',
      });
    });

    it('refuses the development sign-in and an identity provider over plain http', () => {
      expect(() => settingsOf({ NODE_ENV: 'production', ...oidc, WEB_DEV_SIGN_IN: 'on' })).toThrow(
        'WEB_DEV_SIGN_IN',
      );
      expect(() =>
        settingsOf({ NODE_ENV: 'production', ...oidc, WEB_OIDC_ISSUER: 'http://idp.example' }),
      ).toThrow('https');
    });
  });
});
