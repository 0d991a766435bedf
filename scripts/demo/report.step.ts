import { DateTime } from 'luxon';
import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { log } from './demo-progress';
import type { Roster } from './demo-roster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the dashboard and the auditors now see, read back through their APIs: analytics totals
 * for the four weeks, each clinic's training compliance, and the audit chain verification.
 * Analytics and the audit trail follow Kafka, so the totals are read again until they settle.
 */
export async function reportWhatShows(
  client: DemoClient,
  roster: Roster,
  ids: { analyst: string; trainer: string; auditor: string },
): Promise<void> {
  const from = DateTime.now().minus({ days: 1 }).toISODate();
  const to = DateTime.now().plus({ days: 31 }).toISODate();
  const metrics =
    'scheduled,cancelled,lateCancelled,completed,bookedMinutes,availableMinutes,utilizationBooked';
  let last = '';
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const reply = await client.call<{ rows: Record<string, unknown>[] }>(
      'analytics',
      { role: 'analyst', subject: ids.analyst },
      'GET',
      `/api/v1/analytics/metrics?from=${from}&to=${to}&groupBy=month&by=clinic&metrics=${metrics}`,
    );
    if (reply.status !== 200) {
      log(`analytics: metrics answered ${reply.status} ${detailOf(reply)}`);
      break;
    }
    const now = JSON.stringify(reply.body.rows);
    if (now === last) break;
    last = now;
    await sleep(3000);
  }
  if (last) {
    const names = new Map(roster.clinics.map((c) => [c.id, c.name]));
    for (const row of JSON.parse(last) as Record<string, unknown>[]) {
      const { clinicId, ...values } = row as { clinicId?: string };
      log(`analytics ${names.get(clinicId ?? '') ?? clinicId ?? ''}: ${JSON.stringify(values)}`);
    }
  }
  for (const clinic of roster.clinics) {
    const reply = await client.call<Record<string, unknown>>(
      'training',
      { role: 'trainer', subject: ids.trainer },
      'GET',
      `/api/v1/training/teams/${clinic.id}/compliance`,
    );
    const body = reply.body as { summary?: unknown; totals?: unknown } | undefined;
    log(
      `training compliance ${clinic.name}: ${reply.status === 200 ? JSON.stringify(body?.summary ?? body?.totals ?? body).slice(0, 300) : `${reply.status} ${detailOf(reply)}`}`,
    );
  }
  const verify = await client.call(
    'compliance-audit',
    { role: 'auditor', subject: ids.auditor },
    'GET',
    '/api/v1/audit/verify',
  );
  log(`audit chain: ${verify.status} ${JSON.stringify(verify.body).slice(0, 300)}`);
}
