// A patient's join link for a demo visit of today whose link opens now: `npm start` prints one once
// the demo is loaded, and the screenshots open it. Run alone it prints the link:
//   node -r @swc-node/register -r tsconfig-paths/register scripts/demo/demo-join-link.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB_URL = process.env['WEB_URL'] ?? 'http://127.0.0.1:3000';
const SESSIONS_URL = process.env['SESSIONS_URL'] ?? 'http://127.0.0.1:3002';

interface TodayVisit {
  readonly sessionId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly providerId: string;
  readonly state: string;
  readonly scheduledStart: string;
}

/**
 * A patient's join link for a visit of the demo that has not started yet, issued as the
 * demo's admin would (the token `npm start` wrote beside the local keys).
 */
export interface DemoLink {
  readonly url: string;
  readonly sessionId: string;
  readonly clinicId: string;
  readonly providerId: string;
}

export async function demoPatientLink(): Promise<DemoLink> {
  const token = readFileSync(join(ROOT, '.infra', 'auth', 'admin.jwt'), 'utf8').trim();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const now = Date.now();
  const from = new Date(now - 3_600_000).toISOString();
  const to = new Date(now + 12 * 3_600_000).toISOString();
  const board = (await (
    await fetch(`${SESSIONS_URL}/api/v1/today?from=${from}&to=${to}`, { headers })
  ).json()) as { visits?: TodayVisit[] };
  // A link opens 30 minutes before its visit (SESSIONS_LINK_OPENS_MINUTES): a visit due within
  // 25 minutes, or one that should have begun in the last hour, opens now; the next one ahead
  // otherwise (its link says when to come back).
  const booked = (board.visits ?? []).filter((v) => v.state === 'booked');
  const minutesAway = (v: TodayVisit) => (Date.parse(v.scheduledStart) - now) / 60_000;
  const visit =
    booked
      .filter((v) => minutesAway(v) >= -60 && minutesAway(v) <= 25)
      .sort((a, b) => Math.abs(minutesAway(a)) - Math.abs(minutesAway(b)))[0] ??
    booked.find((v) => minutesAway(v) > 0);
  if (!visit) throw new Error('the demo has no visit ahead today to open a join link for');
  const issued = await fetch(`${SESSIONS_URL}/api/v1/sessions/${visit.sessionId}/links`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ participantId: visit.patientId }),
  });
  const link = (await issued.json()) as { url?: string; detail?: string };
  if (!link.url) throw new Error(`no join link: ${issued.status} ${link.detail ?? ''}`);
  return {
    url: `${WEB_URL}/join#${link.url.split('#')[1]}`,
    sessionId: visit.sessionId,
    clinicId: visit.clinicId,
    providerId: visit.providerId,
  };
}

if (require.main === module)
  demoPatientLink().then(
    (link) => process.stdout.write(`${link.url}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
