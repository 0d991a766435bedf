import * as oauth from 'oauth4webapi';
import { personFromToken, SignedInPerson } from './signed-in-person';
import type { WebConfig } from './web-config';

type Oidc = NonNullable<WebConfig['oidc']>;
const PENDING = 'thc.oidc.pending';
const redirectUri = () => `${window.location.origin}/callback`;

async function discover(oidc: Oidc): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(oidc.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));
}

/**
 * Sends the person to the health system's identity provider: authorization code flow with PKCE
 * (a public client holds no secret). The verifier and state wait in sessionStorage for the
 * callback; `returnTo` is where the person lands afterwards.
 */
export async function startOidcSignIn(oidc: Oidc, returnTo: string): Promise<void> {
  const server = await discover(oidc);
  if (!server.authorization_endpoint)
    throw new Error('the identity provider names no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', oidc.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (oidc.audience) url.searchParams.set('audience', oidc.audience);
  window.location.assign(url.toString());
}

/** Completes the sign-in on /callback: checks state, exchanges the code, keeps the access token. */
export async function finishOidcSignIn(
  oidc: Oidc,
): Promise<{ person: SignedInPerson; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending) throw new Error('No sign-in was started in this tab; start again.');
  const server = await discover(oidc);
  const client: oauth.Client = { client_id: oidc.clientId };
  const params = oauth.validateAuthResponse(
    server,
    client,
    new URL(window.location.href),
    pending.state,
  );
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  const claims = oauth.getValidatedIdTokenClaims(result);
  const name = typeof claims?.['name'] === 'string' ? claims['name'] : undefined;
  return { person: personFromToken(result.access_token, name), returnTo: pending.returnTo };
}
