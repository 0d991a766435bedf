import { rateLimitSettingsFromEnv } from './rate-limit.settings';

const from = (env: Record<string, string>) => (name: string) => env[name];

describe('rate limit settings', () => {
  it('defaults to 1200 requests a minute and no trusted proxy', () => {
    expect(rateLimitSettingsFromEnv(from({}))).toEqual({
      ttlMs: 60_000,
      limit: 1200,
      trustedProxyHops: 0,
    });
  });

  it('reads the ingress hops', () => {
    expect(rateLimitSettingsFromEnv(from({ TRUST_PROXY_HOPS: '2' })).trustedProxyHops).toBe(2);
  });

  it.each([
    ['TRUST_PROXY_HOPS', '-1'],
    ['TRUST_PROXY_HOPS', 'true'],
    ['TRUST_PROXY_HOPS', '11'],
    ['THROTTLE_LIMIT', '0'],
    ['THROTTLE_LIMIT', 'lots'],
    ['THROTTLE_TTL_MS', '1.5'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => rateLimitSettingsFromEnv(from({ [name]: value }))).toThrow(
      new RegExp(`^${name}: must be an integer`),
    );
  });
});
