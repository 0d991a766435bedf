import { NestExpressApplication } from '@nestjs/platform-express';
import { eventDefinition } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import {
  bearer,
  eventually,
  expectValidFhir,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { StaffDirectory } from '../directory/staff-directory.store';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';

const user = (userId: string, role: string) => ({ kind: 'user', userId, role });

describe('a visit in the audit trail, and the auditor reports', () => {
  const ns = new TestNamespace('audit-reports');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let trail: AuditTrailCollections;
  let auditor: Record<string, string>;
  const auditorId = randomUUID();

  const patientId = randomUUID();
  const providerId = randomUUID();
  const coordinatorId = randomUUID();
  const strangerId = randomUUID();
  const appointmentId = randomUUID();
  const sessionId = randomUUID();
  const ids: Record<string, string> = {};

  const phiRead = (
    actorId: string,
    role: string,
    at: string,
    service = 'scheduling',
    patient = patientId,
  ): PlatformEventInput => ({
    type: 'thc.compliance.PhiAccessed.v1',
    data: {
      accessId: randomUUID(),
      actorId,
      role,
      patientId: patient,
      resource: 'Appointment',
      resourceId: appointmentId,
      action: 'read',
      purpose: role === 'provider' ? 'treatment' : 'operations',
      service,
      at,
    },
  });

  // A whole visit, as the services publish it, with reads of the patient's data along the way.
  const visit: [string, PlatformEventInput][] = [
    [
      'booked',
      {
        type: 'thc.scheduling.AppointmentBooked.v1',
        data: {
          appointmentId,
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          start: '2026-03-09T09:00:00-04:00',
          end: '2026-03-09T09:30:00-04:00',
          timeZone: 'America/New_York',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          bookedAt: '2026-03-02T14:12:05Z',
          bookedBy: user(coordinatorId, 'coordinator'),
        },
      },
    ],
    ['coordinatorRead', phiRead(coordinatorId, 'coordinator', '2026-03-02T14:13:00Z')],
    [
      'created',
      {
        type: 'thc.sessions.SessionCreated.v1',
        data: {
          sessionId,
          appointmentId,
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          scheduledStart: '2026-03-09T09:00:00-04:00',
          scheduledEnd: '2026-03-09T09:30:00-04:00',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          createdAt: '2026-03-02T14:12:06Z',
        },
      },
    ],
    [
      'arrived',
      {
        type: 'thc.sessions.PatientArrivedInWaitingRoom.v1',
        data: { sessionId, appointmentId, patientId, arrivedAt: '2026-03-09T12:56:30Z' },
      },
    ],
    ['providerRead', phiRead(providerId, 'provider', '2026-03-09T12:58:00Z', 'sessions')],
    [
      'admitted',
      {
        type: 'thc.sessions.PatientAdmitted.v1',
        data: {
          sessionId,
          patientId,
          admittedAt: '2026-03-09T13:01:05Z',
          admittedBy: user(providerId, 'provider'),
        },
      },
    ],
    [
      'started',
      {
        type: 'thc.sessions.SessionStarted.v1',
        data: {
          sessionId,
          appointmentId,
          consentId: randomUUID(),
          startedAt: '2026-03-09T13:01:10Z',
          startedBy: user(providerId, 'provider'),
        },
      },
    ],
    [
      'ended',
      {
        type: 'thc.sessions.SessionEnded.v1',
        data: {
          sessionId,
          appointmentId,
          outcome: 'completed',
          startedAt: '2026-03-09T13:01:10Z',
          endedAt: '2026-03-09T13:24:45Z',
          endedBy: user(providerId, 'provider'),
        },
      },
    ],
    [
      'completed',
      {
        type: 'thc.scheduling.AppointmentCompleted.v1',
        data: {
          appointmentId,
          sessionId,
          startedAt: '2026-03-09T13:01:10Z',
          endedAt: '2026-03-09T13:24:45Z',
          completedAt: '2026-03-09T13:24:46Z',
        },
      },
    ],
    ['strangerRead', phiRead(strangerId, 'provider', '2026-03-20T15:00:00Z')],
  ];

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    trail = app.get(AuditTrailCollections);
    producer = ns.kafka().producer();
    await producer.connect();
    auditor = await bearer('auditor', auditorId);
    // The directory names the provider; the stranger is someone it does not list.
    await publish(producer, ns, [
      {
        type: 'thc.scheduling.StaffMemberRecorded.v1',
        data: {
          ...(eventDefinition('thc.scheduling.StaffMemberRecorded.v1')?.example as object),
          staffId: providerId,
          name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
        },
      },
    ]);
    await eventually(async () =>
      expect(await app.get(StaffDirectory).member(providerId)).toBeDefined(),
    );
    // One by one: each event keeps its place in the story across topics.
    for (const [name, event] of visit) {
      const [id] = await publish(producer, ns, [event]);
      ids[name] = id as string;
      await eventually(async () =>
        expect(await trail.entries.findOne({ eventId: id })).not.toBeNull(),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const report = (path: string, headers = auditor) =>
    call(url, 'GET', `/api/v1/audit/reports/${path}`, headers);

  it.each([
    ['booked', 'C', 'Appointment', 'coordinator'],
    ['coordinatorRead', 'R', 'Appointment', 'coordinator'],
    ['created', 'C', 'Encounter', 'nobody (a service reacting)'],
    ['arrived', 'E', 'Encounter', 'nobody (a service reacting)'],
    ['providerRead', 'R', 'Appointment', 'provider'],
    ['admitted', 'E', 'Encounter', 'provider'],
    ['started', 'E', 'Encounter', 'provider'],
    ['ended', 'E', 'Encounter', 'provider'],
    ['completed', 'U', 'Appointment', 'nobody (a service reacting)'],
  ])(
    'the visit step %s is an audit entry: action %s on %s by %s, for the patient',
    async (name, action, resource, role) => {
      const entry = await trail.entries.findOne({ eventId: ids[name] });
      expect(entry).toMatchObject({
        action,
        patientId,
        resource: { type: resource },
        outcome: '0',
      });
      if (!role.startsWith('nobody'))
        expect(entry).toMatchObject({ actor: { kind: 'user', role } });
    },
  );

  it('the chain over the visit verifies', async () => {
    const verdict = await call(url, 'GET', '/api/v1/audit/verify', auditor);
    expect(verdict).toMatchObject({ status: 200, body: { intact: true } });
  });

  it('accounts for every read of the patient, filtered by period and service, page by page', async () => {
    // Bounded to the visit's month: the reports' own reads (by the auditor) are accounted too.
    const visitMonth = 'to=2026-04-01T00:00:00Z';
    const all = await report(`patients/${patientId}/phi-access?${visitMonth}`);
    expect(all.status).toBe(200);
    const rows = (all.body as { items: { eventId: string; actorId: string; purpose: string }[] })
      .items;
    expect(rows.map((r) => r.eventId)).toEqual([
      ids['coordinatorRead'],
      ids['providerRead'],
      ids['strangerRead'],
    ]);
    expect(rows[1]).toMatchObject({
      actorId: providerId,
      actorName: 'Dr. Adaeze Okafor',
      role: 'provider',
      purpose: 'treatment',
      service: 'sessions',
      action: 'R',
    });

    const march9 = await report(
      `patients/${patientId}/phi-access?from=2026-03-09T00:00:00Z&to=2026-03-10T00:00:00-00:00`,
    );
    expect((march9.body as { items: { eventId: string }[] }).items.map((r) => r.eventId)).toEqual([
      ids['providerRead'],
    ]);
    const scheduling = await report(
      `patients/${patientId}/phi-access?service=scheduling&${visitMonth}`,
    );
    expect((scheduling.body as { items: unknown[] }).items).toHaveLength(2);

    const first = (await report(`patients/${patientId}/phi-access?limit=2&${visitMonth}`)).body as {
      items: { eventId: string }[];
      next: number;
    };
    expect(first.items).toHaveLength(2);
    const second = (
      await report(`patients/${patientId}/phi-access?limit=2&after=${first.next}&${visitMonth}`)
    ).body as { items: { eventId: string }[]; next?: number };
    expect(second.items.map((r) => r.eventId)).toEqual([ids['strangerRead']]);
    expect(second.next).toBeUndefined();
    // The auditor's own reads of this patient's accounting show up in it too.
    await eventually(async () => {
      const latest = await report(`patients/${patientId}/phi-access?from=2026-04-01T00:00:00Z`);
      expect((latest.body as { items: unknown[] }).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ actorId: auditorId, purpose: 'audit' })]),
      );
    });
  });

  it('exports as CSV and as a FHIR AuditEvent bundle', async () => {
    const csv = await report(`patients/${patientId}/phi-access?format=csv&to=2026-04-01T00:00:00Z`);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,occurredAt,action,actorId,actorName,role,patientId,/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(`${providerId},Dr. Adaeze Okafor,provider,`);
    // Someone the directory does not list has no name rather than a made-up one.
    expect(lines[3]).toContain(`${strangerId},,provider,`);

    const fhir = await report(
      `patients/${patientId}/phi-access?format=fhir&to=2026-04-01T00:00:00Z`,
    );
    expect(fhir.type).toContain('application/fhir+json');
    expectValidFhir(fhir.body);
    expect(fhir.body).toMatchObject({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 3,
      entry: expect.arrayContaining([
        expect.objectContaining({
          resource: expect.objectContaining({
            resourceType: 'AuditEvent',
            id: ids['providerRead'],
            action: 'R',
            recorded: '2026-03-09T12:58:00.000Z',
            agent: [
              expect.objectContaining({
                who: { reference: `Practitioner/${providerId}`, display: 'Dr. Adaeze Okafor' },
              }),
            ],
            entity: expect.arrayContaining([
              expect.objectContaining({ what: { reference: `Patient/${patientId}` } }),
            ]),
            purposeOfEvent: [{ coding: [expect.objectContaining({ code: 'TREAT' })] }],
          }),
        }),
      ]),
    });
  });

  it("lists a staff member's reads", async () => {
    const staff = await report(`staff/${providerId}/phi-access`);
    expect((staff.body as { items: { eventId: string }[] }).items.map((r) => r.eventId)).toEqual([
      ids['providerRead'],
    ]);
  });

  it('links the next FHIR page with every query parameter kept, and following it reads on', async () => {
    const query =
      'format=fhir&limit=1&service=scheduling&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    const first = await report(`patients/${patientId}/phi-access?${query}`);
    expectValidFhir(first.body);
    const link = (first.body as { link?: { relation: string; url: string }[] }).link;
    const next = new URL(link?.find((l) => l.relation === 'next')?.url ?? '');
    expect(next.pathname).toBe(`/api/v1/audit/reports/patients/${patientId}/phi-access`);
    expect(Object.fromEntries(next.searchParams)).toEqual({
      format: 'fhir',
      limit: '1',
      service: 'scheduling',
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      after: expect.stringMatching(/^\d+$/),
    });
    const second = await call(url, 'GET', `${next.pathname}${next.search}`, auditor);
    expect(second.type).toContain('application/fhir+json');
    expect(second.body).toMatchObject({
      resourceType: 'Bundle',
      entry: [{ resource: { id: ids['strangerRead'] } }],
    });
  });

  it('finds the read by a provider with no appointment with the patient', async () => {
    const outside = await report(`patients/${patientId}/access-outside-care`);
    expect((outside.body as { items: { eventId: string }[] }).items.map((r) => r.eventId)).toEqual(
      expect.arrayContaining([ids['strangerRead']]),
    );
    expect(
      (outside.body as { items: { eventId: string }[] }).items.map((r) => r.eventId),
    ).not.toContain(ids['providerRead']);
  });

  it('each report it serves is itself recorded as a PHI access by the auditor, for audit', async () => {
    await report(`patients/${patientId}/phi-access?format=csv`);
    const accesses = (await app.get(MongoEventStore).load(`phi-access-${patientId}`)).map(
      (e) => e.data,
    );
    expect(accesses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: auditorId,
          role: 'auditor',
          purpose: 'audit',
          resource: 'AuditEvent',
          service: 'compliance-audit',
        }),
      ]),
    );
  });

  it('reports are for auditors only, and refuse malformed filters', async () => {
    for (const role of ['coordinator', 'admin', 'provider', 'patient', 'analyst'] as const)
      expect(
        (await report(`patients/${patientId}/phi-access`, await bearer(role, patientId))).status,
      ).toBe(403);
    expect((await report(`patients/${patientId}/phi-access`, {})).status).toBe(401);
    for (const query of [
      'limit=abc',
      'limit=0',
      'from=tomorrow',
      'from=2026-03-01T00:00:00',
      'service=billing',
      'format=xml',
      'after=-1',
      'service[$ne]=x',
      'extra=1',
    ])
      expect({
        query,
        status: (await report(`patients/${patientId}/phi-access?${query}`)).status,
      }).toEqual({ query, status: 400 });
    expect((await report('patients/not-a-uuid/phi-access')).status).toBe(400);
  });
});
