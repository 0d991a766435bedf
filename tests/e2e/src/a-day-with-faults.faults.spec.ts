import { eventually, PLATFORM_SERVICES, RunningPlatform, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { analyticsCountsByClinic } from './scenario/analytics.checks';
import { bookVisits, firstSlotAfter } from './scenario/bookings.steps';
import { DayLedger } from './scenario/expected-figures';
import { healthSystem } from './scenario/health-system';
import { PlatformApi } from './scenario/platform-api';
import {
  defineSchedules,
  grantConsents,
  recordDirectory,
} from './scenario/schedules-and-consents.steps';
import { credentialProviders } from './scenario/staff-training.steps';
import { runVisit } from './scenario/visits.steps';
import { auditTopics } from './external-consumer/contract-audit';
import { loadPublishedContract } from './external-consumer/published-contract';
import { LocalInfrastructure } from './faults/local-infrastructure';
import { deadLetterCounts, injectPoison, POISON } from './faults/poison-messages';

const ROOT = join(__dirname, '..', '..', '..');
const recover = { timeoutMs: 180_000, intervalMs: 1000 };

/**
 * The scenario's day again, while the platform is hurt: a service killed with SIGKILL
 * mid-stream, the broker restarted, the database server stopped for 20 s, poison messages on
 * a topic. Afterwards nothing may be lost or applied twice, and everything is healthy again
 * without a hand on it.
 */
describe('a day with faults: nothing lost, nothing applied twice, healthy again', () => {
  const ns = new TestNamespace('e2e-faults');
  const infra = new LocalInfrastructure(ROOT);
  const platform = new RunningPlatform({
    root: ROOT,
    kafkaBrokers: ns.kafkaBrokers,
    mongoUrl: ns.mongoUrl,
    topicPrefix: ns.topicPrefix,
    databasePrefix: ns.databasePrefix,
    logDir: join(ROOT, 'tmp', 'test-output', 'faults', ns.id),
    env: {
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      PHI_MASTER_KEYS: `faults:${randomBytes(32).toString('base64')}`,
    },
    serviceEnv: {
      // The day's figures are compared cell by cell: no cell is withheld as too small.
      analytics: { ANALYTICS_MIN_CELL_COUNT: '1' },
      scheduling: { SCHEDULING_REMINDER_POLL_MS: '2000' },
      sessions: {
        SESSIONS_LINK_OPENS_MINUTES: '1440',
        SESSIONS_LINK_SIGNING_KEY: randomBytes(32).toString('base64'),
        SESSIONS_VIDEO_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
    },
  });
  const api = new PlatformApi(platform);
  const system = healthSystem({ providers: 4, patients: 24 });
  const ledger = new DayLedger();
  const now = new Date();
  const firstSlot = firstSlotAfter(now, 20);
  const table: { fault: string; outcome: string }[] = [];
  const invariants: { invariant: string; holds: boolean }[] = [];

  beforeAll(async () => {
    await platform.start();
    await recordDirectory(api, system);
    await credentialProviders(api, system);
    await defineSchedules(api, system);
    await grantConsents(api, system, new Set());
  }, 600_000);

  afterAll(async () => {
    // Leave the shared infrastructure up whatever happened above.
    if (infra.controllable(ns.kafkaBrokers, ns.mongoUrl)) {
      infra.start('kafka');
      infra.start('ferretdb');
    }
    await platform.stop();
    await ns.dispose();
    console.log(
      [
        'faults injected:',
        ...table.map((r) => `  ${r.fault.padEnd(48)} ${r.outcome}`),
        'invariants checked:',
        ...invariants.map((r) => `  ${r.invariant.padEnd(48)} ${r.holds ? 'holds' : 'BROKEN'}`),
      ].join('\n'),
    );
  });

  const patients = (from: number, to: number) => system.patients.slice(from, to);

  it('keeps booking while analytics is killed with SIGKILL mid-stream and restarted', async () => {
    const first = bookVisits(api, system, patients(0, 8), firstSlot, 0);
    platform.kill('analytics');
    ledger.booked.push(...(await first));
    await platform.restart('analytics');
    table.push({ fault: 'kill -9 analytics during bookings', outcome: 'restarted, ready' });
  });

  it('rides out a broker restart', async () => {
    if (!infra.controllable(ns.kafkaBrokers, ns.mongoUrl)) {
      table.push({
        fault: 'Kafka broker restart',
        outcome: 'skipped: broker not run by infra/local',
      });
      return;
    }
    infra.stop('kafka');
    // Bookings only need MongoDB: they are stored, and published once the broker is back.
    ledger.booked.push(...(await bookVisits(api, system, patients(8, 12), firstSlot, 2)));
    infra.start('kafka');
    table.push({
      fault: 'Kafka broker stopped and restarted',
      outcome: '4 bookings taken meanwhile',
    });
  });

  it('recovers from the database server stopping for 20 s', async () => {
    if (!infra.controllable(ns.kafkaBrokers, ns.mongoUrl)) {
      table.push({ fault: 'MongoDB-wire server stop', outcome: 'skipped: not run by infra/local' });
      return;
    }
    infra.stop('ferretdb');
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    infra.start('ferretdb');
    await eventually(async () => {
      for (const service of PLATFORM_SERVICES) expect(await platform.readiness(service)).toBe(200);
    }, recover);
    table.push({ fault: 'MongoDB-wire server stopped 20 s', outcome: 'all services ready again' });
  });

  it('dead-letters poison messages and goes on', async () => {
    await injectPoison(ns.kafkaBrokers, `${ns.topicPrefix}thc.scheduling.v1`);
    ledger.booked.push(...(await bookVisits(api, system, patients(12, 24), firstSlot, 3)));
    table.push({
      fault: `${POISON.length} poison messages on thc.scheduling.v1`,
      outcome: 'injected',
    });
  });

  it('runs visits after it all', async () => {
    for (const [index, visit] of ledger.booked.slice(0, 6).entries())
      await runVisit(
        api,
        ledger,
        visit,
        index % 2 === 0 ? 'smooth' : 'drop-and-audio-only',
        system.coordinator,
      );
  });

  it('lost nothing and applied nothing twice', async () => {
    const check = (invariant: string, holds: boolean) => {
      invariants.push({ invariant, holds });
      return holds;
    };
    const expected = ledger.byClinic();
    await eventually(async () => {
      const reported = await analyticsCountsByClinic(api, system.analyst, now);
      for (const [clinicId, figures] of expected) expect(reported.get(clinicId)).toEqual(figures);
    }, recover);
    check('analytics counts equal the bookings made', true);

    for (const visit of ledger.booked) {
      const sessions = await api.expect<{ appointmentId: string }[]>(
        200,
        'sessions',
        'GET',
        `/api/v1/patients/${visit.patientId}/sessions`,
        { role: 'patient', sub: visit.patientId },
      );
      expect(sessions.filter((s) => s.appointmentId === visit.appointmentId)).toHaveLength(1);
    }
    check('one session per appointment', true);

    const audit = await auditTopics({
      brokers: ns.kafkaBrokers,
      topicPrefix: ns.topicPrefix,
      contract: loadPublishedContract(ROOT),
      groupId: `external-${randomUUID()}`,
    });
    // At least once on the wire (a relay that could not mark a page publishes it again), and
    // exactly one distinct event per booking.
    const booked = audit.distinctByType['thc.scheduling.AppointmentBooked.v1'] ?? 0;
    const copies = audit.byType['thc.scheduling.AppointmentBooked.v1'] ?? 0;
    expect(
      check(
        `one distinct AppointmentBooked per booking (${copies} copies)`,
        booked === ledger.booked.length,
      ),
    ).toBe(true);
    const reminders = Object.values(audit.reminders);
    expect(
      check(
        `no reminder twice for a visit and offset (${reminders.length} sent)`,
        reminders.length > 0 && reminders.every((ids) => ids === 1),
      ),
    ).toBe(true);
    // A problem names its message first (`topic[partition]@offset`); one message may have several.
    const poison = new Set(audit.problems.map((problem) => problem.split(' ')[0])).size;
    expect(check('only the injected messages break the contract', poison === POISON.length)).toBe(
      true,
    );

    const auditor = { role: 'auditor', sub: system.auditor } as const;
    await eventually(async () => {
      const verification = await api.expect(
        200,
        'compliance-audit',
        'GET',
        '/api/v1/audit/verify',
        auditor,
      );
      expect(verification).toMatchObject({ intact: true });
    }, recover);
    check('audit chain verifies', true);

    const dlq = await deadLetterCounts(ns.kafkaBrokers, `${ns.topicPrefix}thc.scheduling.v1`);
    expect(dlq.size).toBeGreaterThan(0);
    // Undecodable messages (no CloudEvents headers) reach every group's dead letters; the
    // well-formed AppointmentBooked that breaks its schema only those of the groups that read
    // bookings (a group checks only the event types it handles).
    const undecodable = POISON.filter((m) => !('ce_id' in m.headers)).length;
    for (const [, count] of dlq) {
      expect(count).toBeGreaterThanOrEqual(undecodable);
      expect(count).toBeLessThanOrEqual(POISON.length);
    }
    expect(Math.max(...dlq.values())).toBe(POISON.length);
    check(`poison in each dead-letter topic (${dlq.size})`, true);

    for (const service of PLATFORM_SERVICES) expect(await platform.readiness(service)).toBe(200);
    check('every service ready without a manual step', true);
  });
});
