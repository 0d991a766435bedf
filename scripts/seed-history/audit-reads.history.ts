import { DAY_MS, HOUR_MS } from './history-agenda';
import type { HistoryRoster } from './history-roster';
import type { HistoryWorld } from './history-world';
import { recordRead } from './phi-reads';

/**
 * The privacy officer's monthly look at the trail: an accounting of disclosures for a handful
 * of patients, each a PhiAccessed (purpose audit) that compliance-audit records of its own reads.
 */
export function planAuditReads(world: HistoryWorld, roster: HistoryRoster): void {
  const rng = world.random('audit-reads');
  for (let month = world.start + 20 * DAY_MS; month < world.end; month += 30 * DAY_MS) {
    const day = Math.floor(month / DAY_MS) * DAY_MS;
    const weekday = new Date(day).getUTCDay();
    const at =
      day + (weekday === 0 ? 1 : weekday === 6 ? 2 : 0) * DAY_MS + rng.between(13, 17) * HOUR_MS;
    const known = roster.patients.filter((p) => p.since < at);
    for (let n = 0; n < 5 && known.length > 0; n++) {
      const patient = rng.pick(known);
      const readAt = at + n * rng.between(20_000, 120_000);
      if (readAt >= world.end) return;
      recordRead(world, {
        name: `audit:${readAt}:${patient.id}`,
        service: 'compliance-audit',
        actorId: roster.auditorId,
        role: 'auditor',
        patientId: patient.id,
        resource: 'AuditEvent',
        action: 'search',
        purpose: 'audit',
        at: readAt,
      });
    }
  }
}
