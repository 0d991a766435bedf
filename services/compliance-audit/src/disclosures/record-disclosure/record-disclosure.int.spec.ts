import { bearer, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useComplianceApp } from '../../testing/compliance-test-app';

const DISCLOSURE = {
  recipient: { organization: 'County Court, Records Office', kind: 'court' },
  purpose: 'judicial',
  resources: ['Appointment', 'Encounter'],
  disclosedAt: '2026-03-18T09:00:00-05:00',
};

/**
 * PHI handed to a court, an insurer or a health department leaves no trace in the platform's
 * own logs: unless the disclosure is recorded, the patient's accounting of disclosures misses it
 * (HIPAA 164.528), and whoever disclosed can deny it.
 */
describe('accounting of disclosures to outside parties', () => {
  const ns = new TestNamespace('audit-disclosures');
  const under = useComplianceApp(ns);
  let coordinator: Record<string, string>;
  let auditor: Record<string, string>;
  const coordinatorId = randomUUID();

  beforeAll(async () => {
    coordinator = await bearer('coordinator', coordinatorId);
    auditor = await bearer('auditor', randomUUID());
  }, 180_000);

  const disclose = (patientId: string, body: unknown = DISCLOSURE, headers = coordinator) =>
    call(under.url, 'POST', `/api/v1/patients/${patientId}/disclosures`, headers, body);
  const report = (patientId: string, query = '') =>
    call(
      under.url,
      'GET',
      `/api/v1/audit/reports/patients/${patientId}/phi-access?${query}`,
      auditor,
    );

  it("is recorded, chained, and listed in the patient's access report in every format", async () => {
    const patientId = randomUUID();
    const recorded = await disclose(patientId);
    expect(recorded).toMatchObject({
      status: 201,
      body: {
        patientId,
        recipient: DISCLOSURE.recipient,
        purpose: 'judicial',
        resources: ['Appointment', 'Encounter'],
        disclosedAt: '2026-03-18T14:00:00.000Z',
        recordedBy: { kind: 'user', userId: coordinatorId, role: 'coordinator' },
      },
    });
    const { disclosureId } = recorded.body as { disclosureId: string };
    const [event] = await under.store.load(`phi-access-${patientId}`);
    expect(event).toMatchObject({ id: disclosureId, type: 'thc.compliance.DisclosureRecorded.v1' });
    expect(await under.trail.entries.findOne({ eventId: disclosureId })).toMatchObject({
      patientId,
    });

    // The first report of this patient: the auditor's own reads are recorded after it.
    const json = await report(patientId);
    expect(json.status).toBe(200);
    expect((json.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({
        eventId: disclosureId,
        actorId: coordinatorId,
        recipient: 'County Court, Records Office',
        purpose: 'judicial',
        disclosed: 'Appointment Encounter',
        disclosedAt: '2026-03-18T14:00:00.000Z',
      }),
    ]);

    const csv = await report(patientId, 'format=csv');
    const [header, ...rows] = csv.text.split('\r\n');
    expect(header).toMatch(/,recipient,disclosed,disclosedAt$/);
    // The organization holds a comma, so the cell is quoted.
    expect(rows.find((row) => row.includes(disclosureId))).toContain(
      ',"County Court, Records Office",Appointment Encounter,2026-03-18T14:00:00.000Z',
    );

    const fhir = await report(patientId, 'format=fhir');
    expect(JSON.stringify(fhir.body)).toContain('"display":"County Court, Records Office"');

    const verdict = await call(under.url, 'GET', '/api/v1/audit/verify', auditor);
    expect(verdict.body).toMatchObject({ intact: true });
  });

  it.each([
    ['an unknown purpose', { ...DISCLOSURE, purpose: 'curiosity' }, 'purpose'],
    ['no resources', { ...DISCLOSURE, resources: [] }, 'resources'],
    ['a resource that is no FHIR type', { ...DISCLOSURE, resources: ['x; drop'] }, 'resources'],
    ['a time without a zone', { ...DISCLOSURE, disclosedAt: '2026-03-18T09:00:00' }, 'disclosedAt'],
    [
      'a spreadsheet formula as the recipient',
      { ...DISCLOSURE, recipient: { organization: '=HYPERLINK("http://x")', kind: 'other' } },
      'organization',
    ],
    [
      'a line break in the recipient',
      { ...DISCLOSURE, recipient: { organization: 'Acme\r\nInjected', kind: 'other' } },
      'organization',
    ],
    ['no recipient', { ...DISCLOSURE, recipient: undefined }, 'recipient'],
    ['an extra field', { ...DISCLOSURE, patientName: 'Jane Doe' }, 'patientName'],
  ])('answers %s with 400 naming the field, and records nothing', async (_, body, field) => {
    const patientId = randomUUID();
    const refused = await disclose(patientId, body);
    expect(refused.status).toBe(400);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.text).toContain(field);
    expect(await under.store.load(`phi-access-${patientId}`)).toEqual([]);
  });

  it('refuses a disclosure dated in the future with 422', async () => {
    const patientId = randomUUID();
    const refused = await disclose(patientId, {
      ...DISCLOSURE,
      disclosedAt: '2999-01-01T00:00:00Z',
    });
    expect(refused.status).toBe(422);
    expect(await under.store.load(`phi-access-${patientId}`)).toEqual([]);
  });

  it('only staff who run the program record disclosures: an auditor cannot plant one', async () => {
    const patientId = randomUUID();
    for (const role of ['patient', 'provider', 'auditor', 'analyst', 'trainer'] as const)
      expect({
        role,
        status: (await disclose(patientId, DISCLOSURE, await bearer(role, patientId))).status,
      }).toEqual({ role, status: 403 });
    expect(await under.store.load(`phi-access-${patientId}`)).toEqual([]);
  });
});
