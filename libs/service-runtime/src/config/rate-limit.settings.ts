import { envInteger, EnvRead } from './env-integer';
/**
 * The per-caller request budget and how the caller's address is found behind the ingress.
 * EnvRead when the application is created; a bad value stops the start with the variable's name.
 */
export interface RateLimitSettings {
  /** THROTTLE_TTL_MS (default 60 000): the window a budget is counted over. */
  readonly ttlMs: number;
  /** THROTTLE_LIMIT (default 1200): requests per caller, per route, per window, on one instance. */
  readonly limit: number;
  /**
   * TRUST_PROXY_HOPS (default 0): how many proxies in front of the service append to
   * X-Forwarded-For (1 behind the ingress). The caller's address is the entry that many hops
   * from the end; entries before it are the caller's own claims and are ignored.
   */
  readonly trustedProxyHops: number;
}

export function rateLimitSettingsFromEnv(
  read: EnvRead = (name) => process.env[name],
): RateLimitSettings {
  return {
    ttlMs: envInteger(read, 'THROTTLE_TTL_MS', 60_000, 1000, 86_400_000),
    limit: envInteger(read, 'THROTTLE_LIMIT', 1200, 1, 1_000_000_000),
    trustedProxyHops: envInteger(read, 'TRUST_PROXY_HOPS', 0, 0, 10),
  };
}
