import * as oauth from 'oauth4webapi';
import { allowsPlainHttp } from './plain-http-issuer';
import { personFromToken, SignedInPerson } from './signed-in-person';
import { NoSignInStarted } from './sign-in-failure';
import type { WebConfig } from './web-config';

type Oidc = NonNullable<WebConfig['oidc']>;
interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly returnTo?: string;
}

const PENDING = 'thc.oidc.pending';
const redirectUri = () => `${window.location.origin}/callback`;
const postSignOutUri = () => `${window.location.origin}/sign-in`;
/** TLS is relaxed only for a provider on this machine (see allowsPlainHttp). */
const transport = (oidc: Oidc) => ({ [oauth.allowInsecureRequests]: allowsPlainHttp(oidc.issuer) });

async function discover(oidc: Oidc): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(oidc.issuer);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, transport(oidc)),
  );
}

/**
 * Sends the person to the health system's identity provider: authorization code flow with PKCE
 * (a public client holds no secret). The verifier and state wait in sessionStorage for the
 * callback; `returnTo` is where the person lands afterwards (their role's home when absent).
 * The services' audience is asked for as `resource` (RFC 8707) and as `audience`, the two
 * names providers use for the API an access token is for.
 */
export async function startOidcSignIn(oidc: Oidc, returnTo?: string): Promise<void> {
  const server = await discover(oidc);
  if (!server.authorization_endpoint)
    throw new Error('the identity provider names no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pending: Pending = { verifier, state, ...(returnTo ? { returnTo } : {}) };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', oidc.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (oidc.audience) {
    url.searchParams.set('resource', oidc.audience);
    url.searchParams.set('audience', oidc.audience);
  }
  window.location.assign(url.toString());
}

/**
 * Completes the sign-in on /callback: checks the state against the one this tab started with
 * (once: the pending sign-in is gone after this), exchanges the code with the PKCE verifier,
 * and keeps the access token, which is what the services check.
 */
export async function finishOidcSignIn(
  oidc: Oidc,
): Promise<{ person: SignedInPerson; returnTo?: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  if (!pending) throw new NoSignInStarted();
  const server = await discover(oidc);
  const client: oauth.Client = { client_id: oidc.clientId };
  const params = oauth.validateAuthResponse(
    server,
    client,
    new URL(window.location.href),
    pending.state,
  );
  // The code and state leave the address bar (and the history) at once.
  window.history.replaceState(null, '', '/callback');
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    {
      ...transport(oidc),
      ...(oidc.audience ? { additionalParameters: { resource: oidc.audience } } : {}),
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  const claims = oauth.getValidatedIdTokenClaims(result);
  const name = typeof claims?.['name'] === 'string' ? claims['name'] : undefined;
  const signOutUrl = providerSignOut(server, oidc, result.id_token);
  return {
    person: {
      ...personFromToken(result.access_token, name),
      ...(signOutUrl ? { signOutUrl } : {}),
    },
    ...(pending.returnTo ? { returnTo: pending.returnTo } : {}),
  };
}

/**
 * Where signing out ends the provider's own session too (RP-initiated logout), so the next
 * person at a shared workstation is asked who they are; undefined when the provider has none.
 */
function providerSignOut(
  server: oauth.AuthorizationServer,
  oidc: Oidc,
  idToken: string | undefined,
): string | undefined {
  if (!server.end_session_endpoint) return undefined;
  const url = new URL(server.end_session_endpoint);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('post_logout_redirect_uri', postSignOutUri());
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.toString();
}
