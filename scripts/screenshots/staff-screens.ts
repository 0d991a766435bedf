import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Shoot } from './take-screenshots';

const WEB_URL = process.env['WEB_URL'] ?? 'http://127.0.0.1:3000';

export interface Roster {
  readonly organizationId?: string;
  readonly clinics: readonly { id: string; name: string; state?: string }[];
  readonly people: readonly { id: string; roles: string[]; clinicIds: readonly string[] }[];
}

export async function roster(): Promise<Roster> {
  return (await (await fetch(`${WEB_URL}/dev/roster`)).json()) as Roster;
}

/**
 * Signs in through the local sign-in page as a person of the roster in `role`: one who covers
 * `clinicId` when given, and of those the one covering the most clinics.
 */
async function signIn(page: Page, role: string, clinicId?: string): Promise<void> {
  const person = (await roster()).people
    .filter((p) => p.roles.includes(role))
    .filter((p) => clinicId === undefined || p.clinicIds.includes(clinicId))
    .sort((a, b) => b.clinicIds.length - a.clinicIds.length)[0];
  if (!person) throw new Error(`the roster has no ${role}${clinicId ? ` in ${clinicId}` : ''}`);
  await page.goto(`${WEB_URL}/sign-in`);
  await page.getByLabel('Role').selectOption(role);
  await page.getByLabel('Person').selectOption(person.id);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A coordinator of the demo visit's clinic, in the console at desktop width. */
export class CoordinatorAtDesk {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly shoot: Shoot,
  ) {}

  static async signIn(browser: Browser, shoot: Shoot, clinicId: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${WEB_URL}/sign-in`);
    await page.getByLabel('Person').locator('option').first().waitFor({ state: 'attached' });
    await shoot(page, 'sign-in');
    await signIn(page, 'coordinator', clinicId);
    return new CoordinatorAtDesk(context, page, shoot);
  }

  /** Today, with the demo patient waiting, at desktop width and on a phone. */
  async today(): Promise<void> {
    await this.open('/console/today', 'console-today');
    await this.page.setViewportSize({ width: 360, height: 780 });
    await this.page.waitForTimeout(500);
    await this.shoot(this.page, 'console-today-360');
    await this.page.setViewportSize({ width: 1280, height: 900 });
  }

  async issues(): Promise<void> {
    await this.open('/console/issues', 'console-issues');
  }

  async status(): Promise<void> {
    await this.open('/console/status', 'console-status');
  }

  /** A slot search for a patient who needs a Spanish interpreter, in the visit's clinic. */
  async book(clinicId: string, state: string): Promise<void> {
    await this.page.goto(`${WEB_URL}/console/book`);
    await this.page.locator(`#clinic option[value="${clinicId}"]`).waitFor({ state: 'attached' });
    await this.page.fill('#patient-id', randomUUID());
    await this.page.fill('#patient-state', state);
    await this.page.selectOption('#clinic', clinicId);
    await this.page.getByLabel('The patient needs an interpreter').check();
    await this.page.selectOption('#interpreter-language', 'es');
    await this.page.getByLabel('Hold an interpreter of the pool now').check();
    await this.page.getByRole('button', { name: 'Search free slots' }).click();
    const slots = this.page.locator('input[name="slot"]');
    await slots
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => slots.first().check())
      .catch(() => undefined);
    await this.shoot(this.page, 'console-book');
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private async open(path: string, name: string): Promise<void> {
    await this.page.goto(`${WEB_URL}${path}`);
    await this.page.waitForTimeout(2000);
    await this.shoot(this.page, name);
  }
}

/** An analyst: reports, the dashboard and the printable monthly report, through the web app. */
export async function analystScreens(browser: Browser, shoot: Shoot): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'analyst');
  await page.goto(`${WEB_URL}/reports`);
  await page.waitForTimeout(1000);
  await shoot(page, 'reports');
  for (const [name, label] of [
    ['dashboard', /dashboard/i],
    ['monthly-report', /report for/i],
  ] as const) {
    const href = await page.getByRole('link', { name: label }).first().getAttribute('href');
    if (!href) throw new Error(`the reports page has no ${name} link`);
    const report = await context.newPage();
    await report.goto(new URL(href, WEB_URL).toString());
    await report.waitForTimeout(4000);
    await shoot(report, name);
    await report.close();
  }
  await context.close();
}
