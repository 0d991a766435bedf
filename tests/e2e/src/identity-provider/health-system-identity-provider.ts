import { createServer, Server } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { Configuration, errors } from 'oidc-provider';
import { freePort } from '../browser/free-port';
import { signInInteraction } from './sign-in-interaction';
import type { StaffAccount } from './staff-accounts';

export interface IdentityProviderOptions {
  /** The web app's origin: its `/callback` is the only redirect URI of the public client. */
  readonly webOrigin: string;
  readonly clientId: string;
  /** The services' AUTH_AUDIENCE, requested as the resource indicator (an absolute URI). */
  readonly audience: string;
  readonly organizationId: string;
  readonly accounts: readonly StaffAccount[];
}

/**
 * The machine client's id is the subject of its tokens, and the services record the subject as
 * who acted, which must be a uuid (as many providers name clients anyway).
 */
const MACHINE_CLIENT = randomUUID();

/**
 * A health system's OpenID Provider (panva's oidc-provider), run in the test process on plain
 * http: the web app registered as a public client with PKCE, staff accounts, and JWT access
 * tokens for the services' audience carrying `roles`, `clinics` and `org`. A confidential
 * machine client (client credentials, admin) records the directory the story needs.
 */
export class HealthSystemIdentityProvider {
  private server?: Server;
  private port?: number;
  private readonly machineSecret = randomBytes(24).toString('base64url');

  constructor(private readonly options: IdentityProviderOptions) {}

  get issuer(): string {
    if (this.port === undefined) throw new Error('the identity provider has not started');
    return `http://127.0.0.1:${this.port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const provider = new Provider(this.issuer, await this.configuration());
    const interaction = signInInteraction(provider, this.options.accounts);
    const handle = provider.callback();
    this.server = createServer((request, response) => {
      interaction(request, response).then(
        (handled) => {
          if (!handled) void handle(request, response);
        },
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** An admin access token for the machine client, from the token endpoint. */
  async machineToken(): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${MACHINE_CLIENT}:${this.machineSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        resource: this.options.audience,
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token)
      throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  private async configuration(): Promise<Configuration> {
    const { options } = this;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const signingKey = {
      ...(await exportJWK(privateKey)),
      kid: 'test-signing',
      alg: 'RS256',
      use: 'sig',
    };
    const accountOf = (id: string) => options.accounts.find((a) => a.id === id);
    const staffClaims = (account: StaffAccount) => ({
      roles: [...account.roles],
      clinics: account.clinics === '*' ? '*' : [...account.clinics],
      org: options.organizationId,
    });
    return {
      clients: [
        {
          client_id: options.clientId,
          token_endpoint_auth_method: 'none',
          redirect_uris: [`${options.webOrigin}/callback`],
          post_logout_redirect_uris: [`${options.webOrigin}/sign-in`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
        {
          client_id: MACHINE_CLIENT,
          client_secret: this.machineSecret,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
      ],
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      pkce: { required: () => true },
      // The web app's access token is for the services, so it cannot read userinfo: the ID
      // token carries the person's name.
      conformIdTokenClaims: false,
      claims: { openid: ['sub'], profile: ['name'] },
      findAccount: (_ctx, id) => {
        const account = accountOf(id);
        return (
          account && {
            accountId: account.id,
            claims: () => ({ sub: account.id, name: account.name }),
          }
        );
      },
      // The web app's pages read discovery and the token endpoint from their own origin.
      clientBasedCORS: (_ctx, origin) => origin === options.webOrigin,
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => {
            ctx.type = 'html';
            ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head><body><main><h1>Sign out of your health system?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></main></body></html>`;
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => options.audience,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== options.audience) throw new errors.InvalidTarget();
            return {
              scope: 'telehealth',
              audience: options.audience,
              accessTokenFormat: 'jwt',
              accessTokenTTL: 3600,
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
      extraTokenClaims: (_ctx, token) => {
        if (token.kind === 'ClientCredentials')
          return { roles: ['admin'], clinics: '*', org: options.organizationId };
        const account = accountOf(token.accountId);
        return account && staffClaims(account);
      },
      ttl: {
        AccessToken: 3600,
        AuthorizationCode: 60,
        ClientCredentials: 600,
        IdToken: 3600,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
      },
    };
  }
}
