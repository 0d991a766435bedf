import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Shoot } from './take-screenshots';

const ROOT = join(__dirname, '..', '..');
const WEB_URL = process.env['WEB_URL'] ?? 'http://127.0.0.1:3000';
const SESSIONS_URL = process.env['SESSIONS_URL'] ?? 'http://127.0.0.1:3002';

interface TodayVisit {
  readonly sessionId: string;
  readonly patientId: string;
  readonly state: string;
  readonly scheduledStart: string;
}

/**
 * A patient's join link for a visit of the demo that has not started yet, issued as the
 * demo's admin would (the token `npm start` wrote beside the local keys).
 */
export async function demoPatientLink(): Promise<string> {
  const token = readFileSync(join(ROOT, '.infra', 'auth', 'admin.jwt'), 'utf8').trim();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const now = Date.now();
  const from = new Date(now - 3_600_000).toISOString();
  const to = new Date(now + 12 * 3_600_000).toISOString();
  const board = (await (
    await fetch(`${SESSIONS_URL}/api/v1/today?from=${from}&to=${to}`, { headers })
  ).json()) as { visits?: TodayVisit[] };
  const visit = board.visits?.find(
    (v) => v.state === 'booked' && Date.parse(v.scheduledStart) > now,
  );
  if (!visit) throw new Error('the demo has no visit ahead today to open a join link for');
  const issued = await fetch(`${SESSIONS_URL}/api/v1/sessions/${visit.sessionId}/links`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ participantId: visit.patientId }),
  });
  const link = (await issued.json()) as { url?: string; detail?: string };
  if (!link.url) throw new Error(`no join link: ${issued.status} ${link.detail ?? ''}`);
  return `${WEB_URL}/join#${link.url.split('#')[1]}`;
}

/** The patient's visit page on a phone, from the join link. */
export async function visitScreens(browser: Browser, shoot: Shoot): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(await demoPatientLink());
  await page.waitForTimeout(2000);
  await shoot(page, 'visit-appointment');
  await context.close();
}
