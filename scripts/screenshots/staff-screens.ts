import type { Browser, Page } from 'playwright-core';
import type { Shoot } from './take-screenshots';

const WEB_URL = process.env['WEB_URL'] ?? 'http://127.0.0.1:3000';

interface Roster {
  readonly people: readonly { id: string; roles: string[]; clinicIds: readonly string[] }[];
}

/**
 * Signs in through the local sign-in page as a person of the roster in `role`: one who covers
 * `clinicId` when given, and of those the one covering the most clinics.
 */
export async function signIn(page: Page, role: string, clinicId?: string): Promise<void> {
  const roster = (await (await fetch(`${WEB_URL}/dev/roster`)).json()) as Roster;
  const person = roster.people
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

/** The coordinator's console and the analyst's reports, at desktop width and at 360 px. */
export async function staffScreens(
  browser: Browser,
  shoot: Shoot,
  clinicId: string,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${WEB_URL}/sign-in`);
  await shoot(page, 'sign-in');
  await signIn(page, 'coordinator', clinicId);
  for (const [path, name] of [
    ['/console/today', 'console-today'],
    ['/console/issues', 'console-issues'],
    ['/console/book', 'console-book'],
    ['/console/status', 'console-status'],
  ] as const) {
    await page.goto(`${WEB_URL}${path}`);
    await page.waitForTimeout(1500);
    await shoot(page, name);
  }
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${WEB_URL}/console/today`);
  await page.waitForTimeout(1500);
  await shoot(page, 'console-today-360');
  await context.close();

  const analyst = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reports = await analyst.newPage();
  await signIn(reports, 'analyst');
  await reports.goto(`${WEB_URL}/reports`);
  await shoot(reports, 'reports');
  await analyst.close();
}
