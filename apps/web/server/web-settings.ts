/** The platform's services, as the browser names them in `/svc/<name>/...`. */
export const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** What the health system's OIDC provider needs from the browser: authorization code + PKCE. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** Sent as `audience` / `resource` where the provider needs it to issue an API token. */
  readonly audience?: string;
}

export interface DevSignInSettings {
  /** Where the local signing keys are (the same keys the services trust locally). */
  readonly authDir: string;
  readonly organizationId?: string;
}

export interface WebSettings {
  readonly host: string;
  readonly port: number;
  readonly staticDir: string;
  /** TRUST_PROXY_HOPS: proxies in front of this server whose X-Forwarded-For is believed. */
  readonly trustedProxyHops: number;
  readonly services: Readonly<Record<ServiceName, string>>;
  readonly oidc?: OidcSettings;
  readonly devSignIn?: DevSignInSettings;
}

export class WebSettingsError extends Error {}

/**
 * Reads and checks the environment once at start; a wrong value stops the server with the
 * variable's name, never a half-configured server. Dev sign-in signs tokens with local keys, so
 * production refuses it outright.
 */
export function readWebSettings(env: NodeJS.ProcessEnv, defaultStaticDir: string): WebSettings {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new WebSettingsError(`PORT must be a TCP port, got "${env['PORT']}"`);
  const trustedProxyHops = Number(env['TRUST_PROXY_HOPS'] ?? 0);
  if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0 || trustedProxyHops > 5)
    throw new WebSettingsError(
      `TRUST_PROXY_HOPS must be a whole number from 0 to 5, got "${env['TRUST_PROXY_HOPS']}"`,
    );
  const services = Object.fromEntries(
    SERVICES.map((name, index) => {
      const variable = `${name.toUpperCase().replace('-', '_')}_URL`;
      const value = env[variable] ?? `http://127.0.0.1:${3001 + index}`;
      if (!/^https?:\/\/[^/]+\/?$/.test(value))
        throw new WebSettingsError(
          `${variable} must be a service's base URL (http://host:port), got "${value}"`,
        );
      return [name, value.replace(/\/$/, '')];
    }),
  ) as Record<ServiceName, string>;
  const production = env['NODE_ENV'] === 'production';
  const devSignIn = env['WEB_DEV_SIGN_IN'] === 'on';
  if (devSignIn && production)
    throw new WebSettingsError('WEB_DEV_SIGN_IN=on is refused in production (NODE_ENV=production)');
  const issuer = env['WEB_OIDC_ISSUER'];
  const clientId = env['WEB_OIDC_CLIENT_ID'];
  if (Boolean(issuer) !== Boolean(clientId))
    throw new WebSettingsError(
      'WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID go together: set both or neither',
    );
  if (issuer && !/^https:\/\//.test(issuer) && production)
    throw new WebSettingsError(
      `WEB_OIDC_ISSUER must be an https URL in production, got "${issuer}"`,
    );
  if (production && !issuer)
    throw new WebSettingsError(
      "WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID are required in production: staff sign in with the health system's identity provider",
    );
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    staticDir: env['WEB_STATIC_DIR'] ?? defaultStaticDir,
    trustedProxyHops,
    services,
    ...(issuer && clientId
      ? {
          oidc: {
            issuer,
            clientId,
            scope: env['WEB_OIDC_SCOPE'] ?? 'openid profile',
            ...(env['WEB_OIDC_AUDIENCE'] ? { audience: env['WEB_OIDC_AUDIENCE'] } : {}),
          },
        }
      : {}),
    ...(devSignIn
      ? {
          devSignIn: {
            authDir: env['THC_AUTH_DIR'] ?? 'auth',
            ...(env['AUTH_ORGANIZATION_ID'] ? { organizationId: env['AUTH_ORGANIZATION_ID'] } : {}),
          },
        }
      : {}),
  };
}
