import 'reflect-metadata';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EncryptedField, EVENT_TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { EnvMasterKeyring, PatientKeyStore, PhiCipher } from '@thc/phi-protection';
import { createServiceApp } from '@thc/service-runtime';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { requestErasure } from '../../../scripts/erase-patient/erase-patient';
import { AppModule as ComplianceModule } from '../../../services/compliance-audit/src/app.module';
import { serviceIdentity as compliance } from '../../../services/compliance-audit/src/service.identity';
import { complianceTestEnv } from '../../../services/compliance-audit/src/testing/compliance-test-app';
import { AppModule as SchedulingModule } from '../../../services/scheduling/src/app.module';
import { openScheduleBody } from '../../../services/scheduling/src/appointments/testing/scheduling-test-app';
import { serviceIdentity as scheduling } from '../../../services/scheduling/src/service.identity';
import { AppModule as SessionsModule } from '../../../services/sessions/src/app.module';
import { serviceIdentity as sessions } from '../../../services/sessions/src/service.identity';
import { everyDocument, everyMessage, Found, plaintextIn, sealedUnder } from './support/phi-scan';

// The patient's PHI as it enters the platform: each value must end up unreadable everywhere.
const PHI = {
  language: 'haw-Qaaa-Zx7q42', // the interpreter's language (BCP 47, made unique to find it)
  email: 'leilani.kahananui@example.org',
  cancelReason: 'Chemotherapy at Mercy Oncology that week',
  issue: 'Leilani cannot hear the doctor, hearing aid whistles',
};
const slow = { timeoutMs: 60_000, intervalMs: 500 };

/**
 * The right to erasure across the platform: scheduling, sessions and compliance-audit connected
 * only by Kafka, as deployed. After an admin erases a patient, every database of every service
 * and every message on every topic is scanned for the patient's plaintext, and every sealed copy
 * of their PHI is tried with the key store: none may be readable. Their events, appointment,
 * session and the audit chain stay.
 */
describe("a patient's erasure leaves no readable PHI in any store or topic", () => {
  const ns = new TestNamespace('erasure-scan');
  const apps: NestExpressApplication[] = [];
  const url: Record<'scheduling' | 'sessions' | 'compliance', string> = {
    scheduling: '',
    sessions: '',
    compliance: '',
  };
  let db: Connection;
  let cipher: PhiCipher;

  beforeAll(async () => {
    complianceTestEnv(ns, {
      PHI_MASTER_KEYS: `erasure-scan:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      SCHEDULING_REQUIRE_CREDENTIAL: 'false',
      SCHEDULING_REQUIRE_LICENCE: 'false',
    });
    await ns.createTopics(EVENT_TOPICS.map((t) => ns.topic(t)));
    // One after the other: three index builds at once would starve a small machine.
    for (const [name, module, identity] of [
      ['compliance', ComplianceModule, compliance],
      ['scheduling', SchedulingModule, scheduling],
      ['sessions', SessionsModule, sessions],
    ] as const) {
      const app = await createServiceApp(module, identity, { logger: ['error'] });
      await app.listen(0, '127.0.0.1');
      apps.push(app);
      url[name] = await app.getUrl();
    }
    db = apps[0]!.get<Connection>(getConnectionToken());
    const keysDb = db.useDb(ns.database('phi_keys'));
    cipher = new PhiCipher(
      new PatientKeyStore(keysDb, new EnvMasterKeyring(process.env['PHI_MASTER_KEYS'] ?? '')),
    );
  }, 300_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'SCHEDULING_REQUIRE_CREDENTIAL',
      'SCHEDULING_REQUIRE_LICENCE',
    ])
      delete process.env[name];
    await ns.dispose();
  }, 120_000);

  async function send(service: keyof typeof url, method: string, path: string, body?: unknown) {
    const response = await fetch(`${url[service]}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(await bearer('coordinator', randomUUID())),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const everything = async (): Promise<Found[]> => [
    ...(await everyDocument(db, ns.databasePrefix)),
    ...(await everyMessage(ns.kafka(), ns.topicPrefix)),
  ];

  const opened = (sealed: readonly unknown[], patientId: string) =>
    Promise.all(
      sealed.map(async (field) => {
        // The key is looked up before the binding matters: an erased key opens nothing.
        const result = await cipher
          .open({ patientId, record: 'Appointment', field: 'reason' }, field as EncryptedField)
          .catch(() => ({ readable: 'under another binding' as const }));
        return result.readable;
      }),
    );

  it('erases through the command an operator runs; nothing readable is left, the facts stay', async () => {
    const patientId = randomUUID();
    const providerId = randomUUID();
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await send(
          'scheduling',
          'PUT',
          `/api/v1/providers/${providerId}/schedule`,
          openScheduleBody(),
        )
      ).status,
    ).toBe(200);
    const booking = (start: string, end: string) => ({
      patientId,
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: `${day}T${start}:00+05:30`,
      end: `${day}T${end}:00+05:30`,
      timeZone: 'Asia/Kolkata',
      patientLocation: { state: 'NY' },
      // On demand: the language a patient needs travels sealed, and only the view keeps it clear.
      interpreter: { language: PHI.language, onDemand: true },
      reminderContact: { channel: 'email', address: PHI.email },
    });
    const kept = await send(
      'scheduling',
      'POST',
      '/api/v1/appointments',
      booking('10:00', '10:30'),
    );
    const dropped = await send(
      'scheduling',
      'POST',
      '/api/v1/appointments',
      booking('11:00', '11:30'),
    );
    expect([kept.status, dropped.status]).toEqual([201, 201]);
    const keptId = (kept.body as { appointmentId: string }).appointmentId;
    const droppedId = (dropped.body as { appointmentId: string }).appointmentId;
    expect(
      (
        await send('scheduling', 'POST', `/api/v1/appointments/${droppedId}/cancel`, {
          reasonCode: 'other',
          reason: PHI.cancelReason,
        })
      ).status,
    ).toBe(200);
    const sessionId = await eventually(async () => {
      const list = await send('sessions', 'GET', `/api/v1/patients/${patientId}/sessions`);
      const session = (list.body as { sessionId: string; appointmentId: string }[]).find(
        (s) => s.appointmentId === keptId,
      );
      expect(session).toBeDefined();
      return session!.sessionId;
    }, slow);
    expect(
      (
        await send('sessions', 'POST', `/api/v1/sessions/${sessionId}/issues`, {
          category: 'audio',
          description: PHI.issue,
        })
      ).status,
    ).toBe(201);

    // Before: the scan sees the plaintext the views keep, and the sealed copies open.
    const { keyId } = (await db
      .useDb(ns.database('phi_keys'))
      .collection('patient_keys')
      .findOne({ _id: patientId as never })) as unknown as { keyId: string };
    const before = await eventually(async () => {
      const items = await everything();
      // Published and audited: the reason and the issue, each on its topic and in the trail.
      expect(sealedUnder(items, keyId).length).toBeGreaterThanOrEqual(6);
      return items;
    }, slow);
    expect(plaintextIn(before, [PHI.language])).not.toEqual([]);
    expect(plaintextIn(before, [PHI.email, PHI.cancelReason, PHI.issue])).toEqual([]);
    expect(await opened(sealedUnder(before, keyId), patientId)).toContain(true);
    const appointmentEvents = (await apps[1]!.get(MongoEventStore).load(`appointment-${keptId}`))
      .length;

    const result = await requestErasure({
      patientId,
      requestRef: 'ERASURE-2026-0042',
      url: url.compliance,
      token: (await bearer('admin', randomUUID()))['authorization']!.replace(/^Bearer /, ''),
    });
    expect(result).toMatchObject({ outcome: 'erased', erasure: { patientId, keyDestroyed: true } });

    // After: no plaintext anywhere, and not one sealed copy opens.
    const after = await eventually(async () => {
      const items = await everything();
      expect(plaintextIn(items, Object.values(PHI))).toEqual([]);
      expect(items.some((i) => i.text.includes('thc.compliance.PatientErased.v1'))).toBe(true);
      return items;
    }, slow);
    const sealedAfter = sealedUnder(after, keyId);
    // Events, topics and the trail keep their sealed copies (the reminder contacts are gone).
    expect(sealedAfter.length).toBeGreaterThanOrEqual(6);
    expect(new Set(await opened(sealedAfter, patientId))).toEqual(new Set([false]));

    // The facts stay: the appointment's stream, its status, the session, the chain.
    expect(await apps[1]!.get(MongoEventStore).load(`appointment-${keptId}`)).toHaveLength(
      appointmentEvents,
    );
    const appointment = await send('scheduling', 'GET', `/api/v1/appointments/${keptId}`);
    expect(appointment).toMatchObject({ status: 200, body: { status: 'booked', patientId } });
    const list = await send('sessions', 'GET', `/api/v1/patients/${patientId}/sessions`);
    expect((list.body as { sessionId: string }[]).map((s) => s.sessionId)).toContain(sessionId);
    const verdict = await fetch(`${url.compliance}/api/v1/audit/verify`, {
      headers: await bearer('auditor', randomUUID()),
    });
    expect(await verdict.json()).toMatchObject({ intact: true });
  }, 240_000);
});
