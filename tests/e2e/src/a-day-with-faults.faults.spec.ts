import {
  eventually,
  MailpitClient,
  PLATFORM_SERVICES,
  RunningPlatform,
  TestNamespace,
} from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { analyticsCountsByClinic } from './scenario/analytics.checks';
import { bookVisits, firstSlotAfter } from './scenario/bookings.steps';
import { ContactBook, recordContactPreferences } from './scenario/contact-preferences.steps';
import { DayLedger } from './scenario/expected-figures';
import { healthSystem } from './scenario/health-system';
import { subjectOf } from './scenario/mail-subjects';
import { checkMessages } from './scenario/messages.checks';
import { dueRemindersIn } from './scenario/notification-facts';
import { PatientMailboxes } from './scenario/patient-mailboxes';
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
/** Join links go out this long before the visit: every visit of the day has its link due early. */
const JOIN_LINK_LEAD_MINUTES = 180;
/** scheduling's reminder offsets (its default, 24 hours and 1 hour before the visit). */
const REMINDER_OFFSETS = 2;

/**
 * The scenario's day again, while the platform is hurt: services killed with SIGKILL
 * mid-stream (analytics while projecting, notifications while sending), the broker restarted,
 * the database server stopped for 20 s, poison messages on a topic. Afterwards nothing may be
 * lost or applied twice, no patient may get a message twice, and everything is healthy again
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
      notifications: {
        NOTIFICATIONS_DISPATCH_POLL_MS: '500',
        NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES: String(JOIN_LINK_LEAD_MINUTES),
      },
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
  const mailboxes = new PatientMailboxes(MailpitClient.fromEnvironment());
  let contacts: ContactBook = new Map();

  beforeAll(async () => {
    await platform.start();
    await recordDirectory(api, system);
    await credentialProviders(api, system);
    await defineSchedules(api, system);
    await grantConsents(api, system, new Set());
    // Every patient gives an e-mail address; one in four writes in Spanish.
    contacts = await recordContactPreferences(api, system.patients, {
      withoutContact: new Set(),
      spanish: new Set(system.patients.filter((_, i) => i % 4 === 1)),
    });
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
    ledger.booked.push(...(await bookVisits(api, system, patients(12, 16), firstSlot, 3)));
    table.push({
      fault: `${POISON.length} poison messages on thc.scheduling.v1`,
      outcome: 'injected',
    });
  });

  it('keeps booking while notifications is killed with SIGKILL mid-sending and restarted', async () => {
    const batch = patients(16, 24);
    const bookings = bookVisits(api, system, batch, firstSlot, 4);
    // Killed once this batch's mail has begun to go out: the rest is still to plan, queued,
    // or claimed by the dying process when it goes.
    const batchContacts = new Map(batch.map((p) => [p, contacts.get(p)!]));
    const arrived = await eventually(async () => {
      const count = [...(await mailboxes.read(batchContacts)).values()].flat().length;
      expect(count).toBeGreaterThan(0);
      return count;
    }, recover);
    platform.kill('notifications');
    ledger.booked.push(...(await bookings));
    await platform.restart('notifications');
    table.push({
      fault: 'kill -9 notifications while sending',
      outcome: `killed after ${arrived} of the batch's e-mails; restarted, ready`,
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
        `no ReminderDue twice for a visit and offset (${reminders.length} due)`,
        reminders.length > 0 && reminders.every((ids) => ids === 1),
      ),
    ).toBe(true);
    // A problem names its message first (`topic[partition]@offset`); one message may have several.
    const poison = new Set(audit.problems.map((problem) => problem.split(' ')[0])).size;
    expect(check('only the injected messages break the contract', poison === POISON.length)).toBe(
      true,
    );

    // What reached the patients, read from their mailboxes: exactly the messages due, across
    // the killed and restarted notifications service and the stopped broker and database.
    const delivered = await eventually(async () => {
      const readFrom = new Date();
      const seen = await auditTopics({
        brokers: ns.kafkaBrokers,
        topicPrefix: ns.topicPrefix,
        contract: loadPublishedContract(ROOT),
        groupId: `external-${randomUUID()}`,
      });
      const mail = await mailboxes.read(contacts);
      const result = checkMessages(
        ledger,
        contacts,
        { events: seen.events, mail, readFrom },
        {
          joinLinkLeadMinutes: JOIN_LINK_LEAD_MINUTES,
        },
      );
      expect(result.problems).toEqual([]);
      return { mail, dues: dueRemindersIn(seen.events) };
    }, recover);
    const mails = [...delivered.mail.values()].flat();
    check(`each patient got exactly the messages due (${mails.length} e-mails)`, true);
    const distinct = new Set(mails.map((m) => m.messageId)).size;
    expect(
      check(
        `no message delivered twice (${distinct} Message-IDs)`,
        distinct === mails.length && distinct >= ledger.booked.length,
      ),
    ).toBe(true);
    // Per patient and visit (one each here), no more reminder e-mails than the distinct offsets
    // reminders fell due for: two for one offset would be two ReminderDue, or one sent twice.
    let reminded = 0;
    const overReminded = ledger.booked.filter((visit) => {
      const reminderMails = (delivered.mail.get(visit.patientId) ?? []).filter(
        (m) => subjectOf(m.subject)?.kind === 'reminder',
      );
      reminded += reminderMails.length;
      const offsets = new Set(
        delivered.dues
          .filter((due) => due.appointmentId === visit.appointmentId)
          .map((due) => due.offsetMinutes),
      );
      return reminderMails.length > Math.min(offsets.size, REMINDER_OFFSETS);
    });
    expect(
      check(
        `no reminder e-mail twice for a visit and offset (${reminded} delivered)`,
        reminded > 0 && overReminded.length === 0,
      ),
    ).toBe(true);

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
