import { eventually, RunningPlatform, TestNamespace, testToken } from '@thc/testing';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser/chromium';
import { freePort } from './browser/free-port';
import { accessibilityViolations, checkScreen, keepScreenshot } from './browser/page-checks';
import { PlatformWithWebApp, startPlatformWithWebApp } from './browser/platform-with-web-app';
import type { RunningWebServer } from './browser/web-server';
import { HealthSystemIdentityProvider } from './identity-provider/health-system-identity-provider';
import { StaffAccount, staffAccounts } from './identity-provider/staff-accounts';
import { recordStaffDirectory } from './identity-provider/staff-directory';

/** The services' AUTH_AUDIENCE, which the web app asks the provider for as the resource. */
const AUDIENCE = 'urn:telehealth-coordinator:services';
const CLIENT_ID = 'telehealth-coordinator-web';
const SIGNED_IN = 'thc.signed-in';

/**
 * Staff sign in with their health system's OpenID Provider, as in production: a real provider
 * (oidc-provider) runs beside the five services, which trust only its key set, issuer and
 * audience (no local keys), and the web server offers only its sign-in. In Chromium, a
 * coordinator goes from a console page to the provider's login and back, with the code flow
 * and PKCE, and the access token the page keeps is the one the services accept. A tampered
 * state is refused, a code works once, and signing out ends both sessions.
 */
describe("staff sign in with the health system's identity provider", () => {
  const ns = new TestNamespace('e2e-oidc');
  const staff = staffAccounts();
  let idp: HealthSystemIdentityProvider;
  let running: PlatformWithWebApp;
  let platform: RunningPlatform;
  let web: RunningWebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The coordinator's token request, as the page sent it to the provider. */
  let tokenRequest = '';
  let callbackUrl = '';

  beforeAll(async () => {
    const webPort = await freePort();
    idp = new HealthSystemIdentityProvider({
      webOrigin: `http://127.0.0.1:${webPort}`,
      clientId: CLIENT_ID,
      audience: AUDIENCE,
      organizationId: staff.organizationId,
      accounts: staff.all,
    });
    await idp.start();
    running = await startPlatformWithWebApp(ns, {
      webPort,
      env: {
        // Only the provider's keys are trusted: the test run's local key set is withdrawn.
        AUTH_LOCAL_JWKS: '',
        AUTH_JWKS_URL: idp.jwksUrl,
        AUTH_ISSUER: idp.issuer,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_ORGANIZATION_ID: staff.organizationId,
      },
      webEnv: {
        WEB_OIDC_ISSUER: idp.issuer,
        WEB_OIDC_CLIENT_ID: CLIENT_ID,
        WEB_OIDC_SCOPE: 'openid profile',
        WEB_OIDC_AUDIENCE: AUDIENCE,
      },
    });
    ({ platform, web } = running);
    await recordStaffDirectory(platform, await idp.machineToken(), staff);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await idp?.stop();
    await ns.dispose();
  });

  const signInButton = (on: Page) =>
    on.getByRole('button', { name: 'Sign in with your health system account' });

  /** At the provider: username and password, then consent when the provider asks for it. */
  async function logInAtProvider(on: Page, account: StaffAccount): Promise<void> {
    await on.waitForURL(`${idp.issuer}/interaction/**`);
    await on.getByLabel('Username').fill(account.username);
    await on.getByLabel('Password').fill(account.password);
    await on.getByRole('button', { name: 'Sign in' }).click();
    const allow = on.getByRole('button', { name: 'Allow' });
    await Promise.race([allow.waitFor(), on.waitForURL((url) => url.origin === web.url)]);
    if (await allow.isVisible()) await allow.click();
  }

  const signedIn = (on: Page) =>
    on.evaluate(`sessionStorage.getItem(${JSON.stringify(SIGNED_IN)})`) as Promise<string | null>;

  it('sends a signed-out coordinator from a console page to sign-in, which passes axe and fits 360 px', async () => {
    await page.goto(`${web.url}/console/today`);
    await page.waitForURL(`${web.url}/sign-in?returnTo=%2Fconsole%2Ftoday`);
    await signInButton(page).waitFor();
    // The identity provider's sign-in only: no development sign-in where a provider is set.
    expect(await page.getByText('Local sign-in (development)').count()).toBe(0);

    // axe runs as an injected inline script, which the server's policy forbids: the same page
    // is checked in a context that bypasses it, while the sign-in runs under the real policy
    // (which must let the page reach the provider).
    const checking = await browser.newContext({ bypassCSP: true });
    const copy = await checking.newPage();
    await copy.goto(page.url());
    await signInButton(copy).waitFor();
    await checkScreen(copy, 'sign-in-health-system');
    await checking.close();
  });

  it("signs the coordinator in at the provider and lands on Today with the provider's access token", async () => {
    page.on('request', (request) => {
      if (request.url() === `${idp.issuer}/token`) tokenRequest = request.postData() ?? '';
      if (request.isNavigationRequest() && request.url().startsWith(`${web.url}/callback?`))
        callbackUrl = request.url();
    });
    const serviceAnswers: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/svc/'))
        serviceAnswers.push(`${response.status()} ${response.url()}`);
    });
    await signInButton(page).click();
    await logInAtProvider(page, staff.coordinator);
    await page.waitForURL(`${web.url}/console/today`);
    await page.getByText(`${staff.coordinator.name} · coordinator`).waitFor();
    // Today reads the day from the services with the token (its live stream stays open). Its
    // first answers may have come before the name showed: they are counted since the click.
    await eventually(async () => expect(serviceAnswers.length).toBeGreaterThan(0), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    await page.waitForTimeout(1000);
    // Whatever Today asked the services for, none refused the token.
    expect(serviceAnswers.filter((answer) => /^40[13] /.test(answer))).toEqual([]);

    // The authorization request carried PKCE (S256) and the code exchange its verifier.
    const callback = new URL(callbackUrl);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const exchange = new URLSearchParams(tokenRequest);
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code')).toBe(callback.searchParams.get('code'));
    expect(exchange.get('code_verifier')?.length).toBeGreaterThanOrEqual(43);
    expect(exchange.get('client_secret')).toBeNull();

    // What the page keeps is the provider's JWT access token for the services.
    const person = JSON.parse((await signedIn(page)) ?? '{}') as { token: string };
    expect(decodeJwt(person.token)).toMatchObject({
      iss: idp.issuer,
      aud: AUDIENCE,
      sub: staff.coordinator.id,
      roles: ['coordinator'],
      clinics: [staff.clinicId],
      org: staff.organizationId,
    });

    // A service answers the page's call made with it: the clinics the coordinator covers.
    const answer = (await page.evaluate(`
      fetch('/svc/scheduling/api/v1/directory/clinics', {
        headers: { authorization: 'Bearer ' + JSON.parse(sessionStorage.getItem('${SIGNED_IN}')).token },
      }).then(async (r) => ({ status: r.status, body: await r.json() }))`)) as {
      status: number;
      body: { clinicId: string }[];
    };
    expect(answer.status).toBe(200);
    expect(answer.body.map((c) => c.clinicId)).toEqual([staff.clinicId]);

    // The services trust the provider's keys only: a token of the test run's local keys fails.
    const local = await fetch(`${platform.url('scheduling')}/api/v1/directory/clinics`, {
      headers: { authorization: `Bearer ${await testToken('coordinator', staff.coordinator.id)}` },
    });
    expect(local.status).toBe(401);
    await keepScreenshot(page, 'sign-in-health-system-today');
  });

  it('exchanges a code once: the provider refuses it again, and the callback page says so', async () => {
    const replay = await fetch(`${idp.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tokenRequest,
    });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');

    const again = await context.newPage();
    await again.goto(callbackUrl);
    await expectRefusal(again, 'No sign-in was waiting in this tab');
    await again.close();
  });

  it('refuses an answer whose state was tampered with, and signs in the analyst after', async () => {
    const other = await browser.newContext({ bypassCSP: true });
    const tab = await other.newPage();
    // The provider's answer is held back, as if intercepted on its way: the callback page
    // loads without its script, so the code is not exchanged and the tab's sign-in waits.
    let holdScripts = false;
    await tab.route(
      (url) => url.origin === web.url && url.pathname.startsWith('/assets/'),
      (route) => (holdScripts ? route.abort() : route.continue()),
    );
    await tab.goto(`${web.url}/sign-in`);
    await signInButton(tab).click();
    await tab.waitForURL(`${idp.issuer}/**`);
    holdScripts = true;
    await logInAtProvider(tab, staff.analyst);
    await tab.waitForURL(`${web.url}/callback?**`);
    const answered = new URL(tab.url());
    holdScripts = false;

    answered.searchParams.set('state', `${answered.searchParams.get('state')}x`);
    await tab.goto(answered.toString());
    await expectRefusal(tab, 'does not belong to the sign-in started in this tab');
    expect(await signedIn(tab)).toBeNull();
    expect(await accessibilityViolations(tab)).toEqual([]);
    await keepScreenshot(tab, 'sign-in-health-system-refused');

    // Starting again works: the provider knows the analyst already, who lands on Reports.
    await tab.getByRole('link', { name: 'Sign in again' }).click();
    await signInButton(tab).click();
    await tab.waitForURL(`${web.url}/reports`);
    await tab.getByText(`${staff.analyst.name} · analyst`).waitFor();
    await other.close();
  });

  it('signs the coordinator out of the web app and of the provider', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${idp.issuer}/session/end**`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${web.url}/sign-in`);
    expect(await signedIn(page)).toBeNull();

    await page.goto(`${web.url}/console/today`);
    await page.waitForURL(`${web.url}/sign-in?returnTo=%2Fconsole%2Ftoday`);
    // The provider asks who is there again: its session ended too.
    await signInButton(page).click();
    await page.waitForURL(`${idp.issuer}/interaction/**`);
    await page.getByLabel('Username').waitFor();
  });

  async function expectRefusal(on: Page, words: string): Promise<void> {
    const alert = on.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(words);
  }
});
