import { eventually, MailpitClient, RunningPlatform, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { analyticsCountsByClinic, analyticsRatesByClinicDay } from './scenario/analytics.checks';
import { runVisit, VisitScript } from './scenario/visits.steps';
import {
  BookedVisit,
  book,
  bookVisits,
  firstSlotAfter,
  nthOpenSlot,
  raceForOneSlot,
} from './scenario/bookings.steps';
import { ContactBook, recordContactPreferences } from './scenario/contact-preferences.steps';
import { DayLedger } from './scenario/expected-figures';
import { healthSystem } from './scenario/health-system';
import { subjectOf } from './scenario/mail-subjects';
import { checkMessages } from './scenario/messages.checks';
import { PatientMailboxes } from './scenario/patient-mailboxes';
import { PlatformApi } from './scenario/platform-api';
import {
  defineSchedules,
  grantConsents,
  recordDirectory,
} from './scenario/schedules-and-consents.steps';
import { credentialProviders, revokeHipaa } from './scenario/staff-training.steps';
import { auditTopics } from './external-consumer/contract-audit';
import { loadPublishedContract } from './external-consumer/published-contract';

const ROOT = join(__dirname, '..', '..', '..');
const settle = { timeoutMs: 120_000, intervalMs: 1000 };
/**
 * Join links go out this long before the visit: the day's later visits, hours away and left
 * alone, then have theirs due while the test runs, and the last ones do not yet.
 */
const JOIN_LINK_LEAD_MINUTES = 180;
/**
 * Time for a reminder that fell due to be found by scheduling's round (every 2 s here) and
 * published, before it must be on the topic.
 */
const REMINDER_GRACE_MS = 15_000;

/**
 * A day of a telehealth program played through the HTTP APIs of the six services, running as
 * separate processes on the real Kafka and MongoDB-wire server, with their mail caught by
 * Mailpit. The test keeps its own ledger of what it did and holds every reported figure, and
 * every message a patient received, against it.
 */
describe('a day of a telehealth program, through the public APIs only', () => {
  const ns = new TestNamespace('e2e-day');
  const platform = new RunningPlatform({
    root: ROOT,
    kafkaBrokers: ns.kafkaBrokers,
    mongoUrl: ns.mongoUrl,
    topicPrefix: ns.topicPrefix,
    databasePrefix: ns.databasePrefix,
    logDir: join(ROOT, 'tmp', 'test-output', 'e2e', ns.id),
    env: {
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      PHI_MASTER_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    },
    serviceEnv: {
      // The day's figures are compared cell by cell: no cell is withheld as too small.
      analytics: { ANALYTICS_MIN_CELL_COUNT: '1' },
      // Reminders are looked for every 2 s, so those the day's bookings are due show up.
      scheduling: { SCHEDULING_LATE_CANCEL_MINUTES: '180', SCHEDULING_REMINDER_POLL_MS: '2000' },
      // Due messages are looked for every 500 ms, so each goes out within the test's patience.
      notifications: {
        NOTIFICATIONS_DISPATCH_POLL_MS: '500',
        NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES: String(JOIN_LINK_LEAD_MINUTES),
      },
      // Every visit of the scenario's day can be joined while the test runs.
      sessions: {
        SESSIONS_LINK_OPENS_MINUTES: '1440',
        SESSIONS_LINK_SIGNING_KEY: randomBytes(32).toString('base64'),
        SESSIONS_VIDEO_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
    },
  });
  const api = new PlatformApi(platform);
  const system = healthSystem({ providers: 6, patients: 40 });
  const ledger = new DayLedger();
  const coordinator = { role: 'coordinator', sub: system.coordinator } as const;
  const withoutConsent = new Set([system.patients[system.patients.length - 1]!]);
  // Most patients give an e-mail address, one in five of them writes in Spanish; every eighth
  // gives none and keeps only the SMS number of the booking, which no gateway reaches here.
  const withoutContact = new Set(system.patients.filter((_, i) => i % 8 === 5));
  const spanish = new Set(system.patients.filter((_, i) => i % 5 === 1));
  const mailboxes = new PatientMailboxes(MailpitClient.fromEnvironment());
  let contacts: ContactBook = new Map();
  let certifications: Awaited<ReturnType<typeof credentialProviders>>;
  const now = new Date();
  const firstSlot = firstSlotAfter(now, 20);

  beforeAll(async () => {
    await platform.start();
  }, 300_000);

  afterAll(async () => {
    await platform.stop();
    await ns.dispose();
  });

  it('lists the providers with their licences, credentials them, opens their schedules and records consents', async () => {
    await recordDirectory(api, system);
    certifications = await credentialProviders(api, system);
    await defineSchedules(api, system);
    const granted = await grantConsents(api, system, withoutConsent);
    expect(granted).toBe(system.patients.length - withoutConsent.size);
  });

  it('lets patients record, each for themself, the e-mail address and language to be written in', async () => {
    contacts = await recordContactPreferences(api, system.patients, { withoutContact, spanish });
    expect(contacts.size).toBe(system.patients.length - withoutContact.size);
    expect([...contacts.values()].filter((c) => c.language === 'es').length).toBeGreaterThan(0);
  });

  it('gives a slot that eight patients reach for at once to exactly one of them', async () => {
    const racers = system.patients.slice(0, 8);
    const provider = system.providers[0]!;
    // Credentials reach scheduling through Kafka: wait until the first booking can succeed.
    let race: Awaited<ReturnType<typeof raceForOneSlot>> | undefined;
    await eventually(async () => {
      race = await raceForOneSlot(api, racers, provider, firstSlot);
      expect(race.statuses.filter((s) => s === 201)).toHaveLength(1);
    }, settle);
    expect(race!.statuses.filter((s) => s === 409)).toHaveLength(racers.length - 1);
    ledger.booked.push(race!.winner!);
  });

  it('books the rest of the day, video and audio-only', async () => {
    const winner = ledger.booked[0]!.patientId;
    const others = system.patients.filter((p) => p !== winner);
    // Slot 0 of provider 0 is taken by the race; everyone else starts from slot 1.
    ledger.booked.push(...(await bookVisits(api, system, others, firstSlot, 1)));
    expect(ledger.booked).toHaveLength(system.patients.length);
  });

  it('refuses new bookings with a provider whose credential lapsed', async () => {
    const provider = system.providers[system.providers.length - 1]!;
    await revokeHipaa(api, system, provider.id, certifications.get(provider.id)!);
    // Until the lapse reaches scheduling through Kafka, a booking may still go through; the
    // ledger keeps any that did, and the refusal must come.
    const tomorrow = new Date(firstSlot.getTime() + 86_400_000);
    let attempt = 0;
    await eventually(async () => {
      const start = nthOpenSlot(tomorrow, attempt++);
      const patientId = system.patients[1]!;
      const response = await book(api, patientId, provider, start);
      if (response.status === 201)
        ledger.booked.push({
          appointmentId: response.body.appointmentId,
          patientId,
          providerId: provider.id,
          clinicId: provider.clinicId,
          patientState: provider.state,
          visitType: 'video',
          start,
        });
      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('lapsed');
    }, settle);
  });

  it('confirms each booking by e-mail to the patients who gave an address, with a calendar file', async () => {
    const reached = ledger.booked.filter((visit) => contacts.has(visit.patientId));
    await eventually(async () => {
      const mail = await mailboxes.read(contacts);
      for (const visit of reached) {
        const confirmations = mail
          .get(visit.patientId)!
          .filter(
            (m) =>
              subjectOf(m.subject)?.kind === 'booking-confirmation' &&
              m.calendar?.uid === `${visit.appointmentId}@thc`,
          );
        expect(confirmations).toHaveLength(1);
      }
    }, settle);
  });

  it('takes cancellations, late ones inside the window', async () => {
    const cancel = async (visit: BookedVisit, late: boolean) => {
      ledger.touched(visit, new Date());
      await api.expect(
        200,
        'scheduling',
        'POST',
        `/api/v1/appointments/${visit.appointmentId}/cancel`,
        coordinator,
        {
          reasonCode: 'patient-request',
        },
      );
      ledger.cancelled.set(visit.appointmentId, { late });
    };
    // The first slot starts within the 180-minute window; the last ones are hours away.
    const soon = ledger.booked.filter((v) => v.start.getTime() - Date.now() < 150 * 60_000);
    // Never the visit of the patient without consent: the day still plays that one.
    const later = ledger.booked.filter(
      (v) => v.start.getTime() - Date.now() > 200 * 60_000 && !withoutConsent.has(v.patientId),
    );
    await cancel(soon[1]!, true);
    await cancel(soon[2]!, true);
    if (later.length > 0) await cancel(later[later.length - 1]!, false);
  });

  it('runs the visits: checks, waiting room, quality, drops, audio-only, issues, surveys', async () => {
    // No-shows need the scheduled start to have passed; these services run on the real clock,
    // so the no-show rules are proven by the services' own tests on a moved clock.
    const scripts: VisitScript[] = ['smooth', 'drop-and-audio-only', 'failed-check', 'smooth'];
    const due = ledger.booked.filter(
      (v) => !ledger.cancelled.has(v.appointmentId) && !withoutConsent.has(v.patientId),
    );
    for (const [index, visit] of due.slice(0, 15).entries()) {
      await runVisit(api, ledger, visit, scripts[index % scripts.length]!, system.coordinator);
    }
    const unconsented = ledger.booked.find((v) => withoutConsent.has(v.patientId))!;
    await runVisit(api, ledger, unconsented, 'no-consent', system.coordinator);
  });

  it('reports per clinic and day the rates the visits give', async () => {
    const expected = ledger.ratesByClinicDay();
    await eventually(async () => {
      const reported = await analyticsRatesByClinicDay(api, system.analyst, now);
      for (const [key, rates] of expected) {
        const row = reported.get(key);
        expect(row).toBeDefined();
        for (const [name, value] of Object.entries(rates))
          if (value === null) expect(row![name as keyof typeof rates]).toBeNull();
          else expect(row![name as keyof typeof rates]).toBeCloseTo(value, 6);
      }
    }, settle);
  });

  it('reports per clinic exactly what happened', async () => {
    const expected = ledger.byClinic();
    await eventually(async () => {
      const reported = await analyticsCountsByClinic(api, system.analyst, now);
      for (const [clinicId, figures] of expected) expect(reported.get(clinicId)).toEqual(figures);
    }, settle);
  });

  it('keeps an audit chain that verifies', async () => {
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
      expect(verification.entries).toBeGreaterThan(ledger.booked.length);
    }, settle);
  });

  it('lets an outside consumer read every topic and validate every message against the published contract', async () => {
    const readFrom = Date.now();
    const audit = await auditTopics({
      brokers: ns.kafkaBrokers,
      topicPrefix: ns.topicPrefix,
      contract: loadPublishedContract(ROOT),
      groupId: `external-${randomUUID()}`,
    });
    expect(audit.problems).toEqual([]);
    expect(audit.distinctByType['thc.scheduling.AppointmentBooked.v1']).toBe(ledger.booked.length);
    // One reminder per visit and offset, never two; every visit left booked and starting within
    // a day of the reading got a reminder (24-hour, or 1-hour for the visits less than an hour
    // away). A day from when the reading began, less the grace: a visit booked for tomorrow has
    // its 24-hour reminder fall due while the day runs, possibly as the topics are being read.
    expect(Object.entries(audit.reminders).filter(([, ids]) => ids > 1)).toEqual([]);
    const reminded = new Set(Object.keys(audit.reminders).map((key) => key.split('|')[0]));
    const dayAhead = readFrom - REMINDER_GRACE_MS + 24 * 3600_000;
    const due = ledger.untouched().filter((visit) => visit.start.getTime() < dayAhead);
    expect(due.length).toBeGreaterThan(0);
    expect(due.filter((visit) => !reminded.has(visit.appointmentId))).toEqual([]);
    for (const topic of [
      'scheduling',
      'training',
      'compliance',
      'compliance.phi-access',
      'notifications',
    ])
      expect(audit.byTopic[`${ns.topicPrefix}thc.${topic}.v1`]).toBeGreaterThan(0);
  });

  it('sends each patient exactly the messages their visits called for, each reported on thc.notifications.v1', async () => {
    const check = await eventually(async () => {
      const readFrom = new Date();
      const audit = await auditTopics({
        brokers: ns.kafkaBrokers,
        topicPrefix: ns.topicPrefix,
        contract: loadPublishedContract(ROOT),
        groupId: `external-${randomUUID()}`,
      });
      expect(audit.problems).toEqual([]);
      const mail = await mailboxes.read(contacts);
      const result = checkMessages(
        ledger,
        contacts,
        { events: audit.events, mail, readFrom },
        {
          joinLinkLeadMinutes: JOIN_LINK_LEAD_MINUTES,
        },
      );
      expect(result.problems).toEqual([]);
      return { ...result, mail };
    }, settle);
    console.log(
      `messages delivered per kind ${JSON.stringify(check.delivered)}; outcomes ${JSON.stringify(check.outcomes)}`,
    );
    // Each kind the day calls for was really exercised, in both languages.
    expect(check.delivered['booking-confirmation']).toBe(
      ledger.booked.filter((v) => contacts.has(v.patientId)).length,
    );
    expect(check.delivered['booking-cancelled']).toBe(
      [...ledger.cancelled.keys()].filter((id) =>
        contacts.has(ledger.booked.find((v) => v.appointmentId === id)!.patientId),
      ).length,
    );
    expect(check.delivered['reminder']).toBeGreaterThan(0);
    expect(check.delivered['join-link']).toBeGreaterThan(0);
    expect(check.outcomes['failed channel-not-configured']).toBeGreaterThan(0);
    expect(check.outcomes['failed no-contact-point']).toBeGreaterThan(0);
    const spanishMail = [...spanish].flatMap((p) => check.mail.get(p) ?? []);
    expect(spanishMail.length).toBeGreaterThan(0);
  });
});
