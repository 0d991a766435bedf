import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { StaffAccount } from './staff-accounts';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/;

/**
 * The identity provider's own pages while a person signs in: a login form that checks the
 * username and password against the account store, then a consent page for the web app. Only
 * what the provider needs from the person; everything else is oidc-provider's.
 * Answers true when the request was one of these pages.
 */
export function signInInteraction(
  provider: Provider,
  accounts: readonly StaffAccount[],
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  return async (request, response) => {
    const match = ROUTE.exec(request.url?.split('?')[0] ?? '');
    if (!match) return false;
    const [, uid, step] = match;
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) return page(response, 400, 'Sign in', '<p>This sign-in expired.</p>');
    const prompt = details.prompt.name;
    if (request.method === 'GET')
      return prompt === 'login' ? loginPage(response, uid) : consentPage(response, uid);
    if (request.method !== 'POST' || step !== prompt)
      return page(response, 400, 'Sign in', '<p>This step does not belong here.</p>');
    if (step === 'login') {
      const form = await readForm(request);
      const account = accounts.find(
        (a) => a.username === form.get('username') && a.password === form.get('password'),
      );
      if (!account) return loginPage(response, uid, 'The username or password is not right.');
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: account.id } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session?.accountId ?? '',
          clientId: String(details.params['client_id']),
        });
    if (!grant) return page(response, 400, 'Sign in', '<p>This sign-in expired.</p>');
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(resource, scopes.join(' '));
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
    return true;
  };
}

function loginPage(response: ServerResponse, uid: string, error?: string): true {
  return page(
    response,
    error ? 401 : 200,
    'Sign in to your health system',
    `${error ? `<p role="alert">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <label for="username">Username</label>
      <input id="username" name="username" autocomplete="username" required>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function consentPage(response: ServerResponse, uid: string): true {
  return page(
    response,
    200,
    'Allow Telehealth Coordinator',
    `<p>Telehealth Coordinator asks to know who you are and to act for you in its services.</p>
    <form method="post" action="/interaction/${escape(uid)}/consent">
      <button type="submit">Allow</button>
    </form>`,
  );
}

function page(response: ServerResponse, status: number, title: string, body: string): true {
  response
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
    );
  return true;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
