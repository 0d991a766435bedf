import { allowsPlainHttp } from './plain-http-issuer';

describe('plain http to the identity provider', () => {
  it.each(['http://127.0.0.1:8080', 'http://localhost:4000/realms/staff', 'http://[::1]:9000'])(
    'is allowed for a provider on this machine: %s',
    (issuer) => {
      expect(allowsPlainHttp(issuer)).toBe(true);
    },
  );

  it.each([
    'http://idp.health-system.example',
    'http://127.0.0.1.nip.io',
    'http://localhost.health-system.example',
    'http://10.0.0.5:8080',
    'http://127.0.0.2',
    'https://127.0.0.1:8443',
    'https://idp.health-system.example',
    'not a url',
    '',
  ])('is refused otherwise: %s', (issuer) => {
    expect(allowsPlainHttp(issuer)).toBe(false);
  });
});
