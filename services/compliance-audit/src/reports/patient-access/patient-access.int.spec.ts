import {
  bearer,
  eventually,
  expectValidFhir,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { SHARED_TOPICS, toKafkaHeaders } from '@thc/contracts';
import { useVisitStory } from '../testing/visit-story';

describe("a patient's access report: every read of their records", () => {
  const ns = new TestNamespace('patient-access');
  const auditorId = randomUUID();
  const { under, ids, as, report, patientId, providerId, strangerId } = useVisitStory(ns, {
    eventually,
    call,
    auditor: () => bearer('auditor', auditorId),
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
    const second = await call(under.url, 'GET', `${next.pathname}${next.search}`, as.auditor);
    expect(second.type).toContain('application/fhir+json');
    expect(second.body).toMatchObject({
      resourceType: 'Bundle',
      entry: [{ resource: { id: ids['strangerRead'] } }],
    });
  });

  it('each report it serves is itself recorded as a PHI access by the auditor, for audit', async () => {
    await report(`patients/${patientId}/phi-access?format=csv`);
    const accesses = (await under.store.load(`phi-access-${patientId}`)).map((e) => e.data);
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

  /**
   * A compromised pod publishes a PHI read whose free-text CloudEvents extension
   * (`ce_correlationid`) holds a comma, quotes and a line break followed by a forged CSV row naming
   * a decoy patient. The CSV export quotes the cell correctly; the record of who the auditor saw
   * must come from the rows, not from re-reading the text, or the decoy gets a false disclosure
   * in their accounting.
   */
  it('the CSV download records exactly the patients of its rows, whatever a cell holds', async () => {
    const patientId = randomUUID();
    const decoy = randomUUID();
    const forged = `ops,"x"\r\n1,2026-01-01T00:00:00Z,R,${randomUUID()},provider,${decoy},Appointment`;
    const eventId = randomUUID();
    const at = '2026-03-02T14:11:30Z';
    await under.producer.send({
      topic: ns.topic(SHARED_TOPICS.phiAccess),
      messages: [
        {
          key: `phi-access-${patientId}`,
          value: JSON.stringify({
            accessId: randomUUID(),
            actorId: randomUUID(),
            role: 'coordinator',
            patientId,
            resource: 'Appointment',
            action: 'read',
            purpose: 'operations',
            service: 'scheduling',
            at,
          }),
          headers: toKafkaHeaders({
            id: eventId,
            source: '/thc/scheduling',
            type: 'thc.compliance.PhiAccessed.v1',
            subject: `phi-access-${patientId}`,
            time: at,
            extensions: { correlationid: forged },
          }),
        },
      ],
    });
    await eventually(async () =>
      expect(await under.trail.entries.findOne({ eventId })).toMatchObject({
        correlationId: forged,
      }),
    );

    const csv = await call(
      under.url,
      'GET',
      `/api/v1/audit/reports/patients/${patientId}/phi-access?format=csv&to=2026-04-01T00:00:00Z`,
      as.auditor,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    // The cell is one quoted value, as RFC 4180 writes it.
    expect(csv.text).toContain(`"${forged.replace(/"/g, '""')}"`);

    await eventually(async () =>
      expect((await under.store.load(`phi-access-${patientId}`)).map((e) => e.data)).toEqual([
        expect.objectContaining({ actorId: auditorId, purpose: 'audit', action: 'search' }),
      ]),
    );
    expect(await under.store.load(`phi-access-${decoy}`)).toEqual([]);
  });
});
