import type { ServerResponse } from 'node:http';
import type { WebSettings } from './web-settings';

/**
 * Headers on every page and asset. The content security policy allows scripts, styles and
 * connections to this origin only (the services are reached through /svc), plus the OIDC
 * provider's origin for the token exchange. Camera and microphone are allowed to this origin
 * only: the visit page's device check needs them.
 */
export function securityHeaders(settings: WebSettings): Record<string, string> {
  const idp = settings.oidc ? ` ${new URL(settings.oidc.issuer).origin}` : '';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "media-src 'self' blob: mediastream:",
      `connect-src 'self'${idp}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      `form-action 'self'${idp}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}

export function applyHeaders(response: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
