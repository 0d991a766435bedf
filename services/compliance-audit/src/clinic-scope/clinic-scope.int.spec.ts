import { bearer, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { RECORD_DISCLOSURE_EXAMPLE } from '../disclosures/record-disclosure/record-disclosure.dto';
import { AuditIntake } from '../intake/audit-intake';
import { useComplianceApp } from '../testing/compliance-test-app';
import { consumed } from '../testing/consumed-event';
import { ViolationRecorder } from '../violations/violation.recorder';

type Headers = Record<string, string>;

/**
 * Two clinics of one organization. Auditors, coordinators and admins of clinic B reach nothing
 * of clinic A's patients and staff; lists and exports hold none of their rows; what acts on the
 * whole organization's trail needs a token that covers every clinic.
 */
describe('clinic scope in compliance-audit', () => {
  const ns = new TestNamespace('audit-clinic-scope');
  const under = useComplianceApp(ns);
  const [clinicA, clinicB] = [randomUUID(), randomUUID()];
  const [patientA, patientB] = [randomUUID(), randomUUID()];
  // staffA works in A only; staffAB in both, and reads patients of both.
  const [staffA, staffAB] = [randomUUID(), randomUUID()];
  const as: Record<string, Headers> = {};
  const get = (path: string, who: Headers) => call(under.url, 'GET', path, who);

  beforeAll(async () => {
    for (const role of ['auditor', 'coordinator', 'admin'] as const) {
      as[`${role}A`] = await bearer(role, randomUUID(), { clinics: [clinicA] });
      as[`${role}B`] = await bearer(role, randomUUID(), { clinics: [clinicB] });
      as[`${role}None`] = await bearer(role, randomUUID(), { clinics: [] });
      as[`${role}All`] = await bearer(role, randomUUID());
    }
    const read = (actorId: string, patientId: string) =>
      consumed('thc.compliance.PhiAccessed.v1', {
        accessId: randomUUID(),
        actorId,
        role: 'provider',
        patientId,
        purpose: 'treatment',
        at: '2026-03-02T14:13:00Z',
      });
    await under.app.get(AuditIntake).ingest([
      consumed('thc.scheduling.StaffMemberRecorded.v1', { staffId: staffA, clinicIds: [clinicA] }),
      consumed('thc.scheduling.StaffMemberRecorded.v1', {
        staffId: staffAB,
        clinicIds: [clinicA, clinicB],
      }),
      consumed('thc.scheduling.AppointmentBooked.v1', {
        appointmentId: randomUUID(),
        patientId: patientA,
        providerId: staffA,
        clinicId: clinicA,
      }),
      consumed('thc.scheduling.AppointmentBooked.v1', {
        appointmentId: randomUUID(),
        patientId: patientB,
        providerId: staffAB,
        clinicId: clinicB,
      }),
      read(staffA, patientA),
      read(staffAB, patientA),
      read(staffAB, patientB),
    ]);
  }, 180_000);

  const patientsOf = (body: unknown) =>
    new Set((body as { items: { patientId?: string }[] }).items.map((row) => row.patientId));

  describe.each([['phi-access'], ['access-outside-care']])("a patient's %s report", (report) => {
    it("is the covering auditor's and refused to another clinic's", async () => {
      const path = `/api/v1/audit/reports/patients/${patientA}/${report}`;
      const own = await get(path, as['auditorA']!);
      expect(own.status).toBe(200);
      expect(patientsOf(own.body)).toEqual(new Set([patientA]));
      expect((await get(path, as['auditorB']!)).status).toBe(403);
      expect((await get(`${path}?format=csv`, as['auditorB']!)).status).toBe(403);
      expect((await get(path, as['auditorNone']!)).status).toBe(403);
      expect((await get(path, as['auditorAll']!)).status).toBe(200);
    });
  });

  describe("a staff member's access report", () => {
    const path = (staffId: string, format = 'json') =>
      `/api/v1/audit/reports/staff/${staffId}/phi-access?format=${format}`;

    it('is refused for a staff member of another clinic only', async () => {
      expect((await get(path(staffA), as['auditorB']!)).status).toBe(403);
      expect((await get(path(randomUUID()), as['auditorB']!)).status).toBe(403);
      expect((await get(path(staffA), as['auditorA']!)).status).toBe(200);
    });

    it("lists, and exports, only reads of the caller's clinics' patients", async () => {
      const inB = await get(path(staffAB), as['auditorB']!);
      expect(patientsOf(inB.body)).toEqual(new Set([patientB]));
      const inA = await get(path(staffAB), as['auditorA']!);
      expect(patientsOf(inA.body)).toEqual(new Set([patientA]));
      const everywhere = await get(path(staffAB), as['auditorAll']!);
      expect(patientsOf(everywhere.body)).toEqual(new Set([patientA, patientB]));

      const csvB = await get(path(staffAB, 'csv'), as['auditorB']!);
      expect(csvB.status).toBe(200);
      expect(csvB.text).toContain(patientB);
      expect(csvB.text).not.toContain(patientA);
      const csvA = await get(path(staffAB, 'csv'), as['auditorA']!);
      expect(csvA.text).toContain(patientA);
      expect(csvA.text).not.toContain(patientB);
    });
  });

  describe('violations', () => {
    const violations: Record<string, string> = {};

    beforeAll(async () => {
      const recorder = under.app.get(ViolationRecorder);
      const at = new Date().toISOString();
      for (const [key, finding] of [
        ['patientA', { patientId: patientA, actorId: staffAB }],
        ['patientB', { patientId: patientB, actorId: staffAB }],
        ['burstA', { actorId: staffA, discriminator: `${staffA}|${at}` }],
      ] as const)
        violations[key] = (
          await recorder.record(
            {
              rule: key.startsWith('burst') ? 'bulk-access' : 'access-without-care-relationship',
              severity: 'high',
              evidenceEventIds: [randomUUID()],
              ...finding,
            },
            at,
          )
        ).violationId;
    });

    const listed = async (who: Headers) => {
      const response = await get('/api/v1/audit/violations?limit=1000', who);
      expect(response.status).toBe(200);
      return new Set(
        (response.body as { items: { violationId: string }[] }).items.map((v) => v.violationId),
      );
    };

    it("lists only the violations of the caller's clinics", async () => {
      const inB = await listed(as['auditorB']!);
      expect(inB.has(violations['patientB']!)).toBe(true);
      expect(inB.has(violations['patientA']!)).toBe(false);
      expect(inB.has(violations['burstA']!)).toBe(false);
      const inA = await listed(as['auditorA']!);
      expect(inA.has(violations['patientA']!)).toBe(true);
      expect(inA.has(violations['burstA']!)).toBe(true);
      expect(inA.has(violations['patientB']!)).toBe(false);
      expect((await listed(as['auditorNone']!)).size).toBe(0);
      const all = await listed(as['auditorAll']!);
      expect(Object.values(violations).every((id) => all.has(id))).toBe(true);
    });

    it.each([['acknowledge'], ['resolve']])(
      "does not %s another clinic's violation, which stays open",
      async (step) => {
        const id = violations['patientA']!;
        const refused = await call(
          under.url,
          'POST',
          `/api/v1/audit/violations/${id}/${step}`,
          as['adminB']!,
          {
            note: 'not mine',
          },
        );
        expect(refused.status).toBe(404);
        const alert = (
          (await get('/api/v1/audit/violations?limit=1000', as['auditorA']!)).body as {
            items: { violationId: string; status: string }[];
          }
        ).items.find((v) => v.violationId === id);
        expect(alert?.status).toBe('open');
      },
    );

    it("acknowledges a violation of the caller's clinic", async () => {
      const id = violations['patientA']!;
      const done = await call(
        under.url,
        'POST',
        `/api/v1/audit/violations/${id}/acknowledge`,
        as['adminA']!,
        {
          note: 'looking into it',
        },
      );
      expect(done.status).toBe(200);
    });
  });

  describe('consents', () => {
    const consent = { scope: 'telehealth', method: 'electronic-signature', formVersion: '2026-01' };
    let consentId: string;

    beforeAll(async () => {
      const granted = await call(
        under.url,
        'POST',
        `/api/v1/patients/${patientA}/consents`,
        as['coordinatorA']!,
        consent,
      );
      expect(granted.status).toBe(201);
      consentId = (granted.body as { id: string }).id;
    });

    it("are read, searched, granted and revoked only in the patient's clinics", async () => {
      for (const who of [as['coordinatorB']!, as['adminB']!, as['coordinatorNone']!]) {
        expect((await get(`/api/v1/patients/${patientA}/consents`, who)).status).toBe(403);
        expect((await get(`/fhir/Consent?patient=${patientA}`, who)).status).toBe(403);
      }
      expect(
        (
          await call(
            under.url,
            'POST',
            `/api/v1/patients/${patientA}/consents`,
            as['coordinatorB']!,
            {
              ...consent,
              scope: 'recording',
            },
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await call(
            under.url,
            'POST',
            `/api/v1/patients/${patientA}/consents/${consentId}/revoke`,
            as['adminB']!,
          )
        ).status,
      ).toBe(403);
      const own = await get(`/api/v1/patients/${patientA}/consents`, as['coordinatorA']!);
      expect(own.status).toBe(200);
      expect(own.body).toEqual([expect.objectContaining({ id: consentId, status: 'active' })]);
      expect((await get(`/fhir/Consent?patient=${patientA}`, as['adminAll']!)).status).toBe(200);
    });
  });

  it("records a disclosure only for a patient of the caller's clinics", async () => {
    const disclosure = RECORD_DISCLOSURE_EXAMPLE;
    const refused = await call(
      under.url,
      'POST',
      `/api/v1/patients/${patientA}/disclosures`,
      as['coordinatorB']!,
      disclosure,
    );
    expect(refused.status).toBe(403);
    const report = await get(
      `/api/v1/audit/reports/patients/${patientA}/phi-access`,
      as['auditorA']!,
    );
    expect(JSON.stringify(report.body)).not.toContain(disclosure.recipient.organization);
  });

  it("erases only a patient of the admin's clinics", async () => {
    const refused = await call(
      under.url,
      'POST',
      `/api/v1/patients/${patientA}/erasure`,
      as['adminB']!,
      {
        requestRef: 'REQ-1',
      },
    );
    expect(refused.status).toBe(403);
    const erased = await call(
      under.url,
      'POST',
      `/api/v1/patients/${patientB}/erasure`,
      as['adminB']!,
      {
        requestRef: 'REQ-2',
      },
    );
    expect(erased.status).toBe(201);
  });

  describe('legal holds', () => {
    it("are placed and released only for a patient of the admin's clinics", async () => {
      const path = `/api/v1/audit/legal-holds/${patientA}`;
      expect((await call(under.url, 'PUT', path, as['adminB']!, { matter: 'M-B' })).status).toBe(
        403,
      );
      expect((await call(under.url, 'PUT', path, as['adminA']!, { matter: 'M-A' })).status).toBe(
        200,
      );
      expect((await call(under.url, 'DELETE', path, as['adminB']!)).status).toBe(403);
    });

    it("are listed only for the caller's clinics' patients", async () => {
      const held = async (who: Headers) =>
        ((await get('/api/v1/audit/legal-holds', who)).body as { patientId: string }[]).map(
          (hold) => hold.patientId,
        );
      expect(await held(as['auditorB']!)).not.toContain(patientA);
      expect(await held(as['adminB']!)).not.toContain(patientA);
      expect(await held(as['auditorA']!)).toContain(patientA);
    });
  });

  describe('what acts on the whole organization', () => {
    it.each([
      ['GET', '/api/v1/audit/verify', 'auditor', undefined],
      ['GET', '/api/v1/audit/quarantine', 'auditor', undefined],
      ['POST', '/api/v1/audit/retention/purge', 'admin', { dryRun: true }],
    ] as const)(
      '%s %s needs a token that covers every clinic',
      async (method, path, role, body) => {
        for (const scope of ['A', 'B', 'None'])
          expect((await call(under.url, method, path, as[`${role}${scope}`]!, body)).status).toBe(
            403,
          );
        expect((await call(under.url, method, path, as[`${role}All`]!, body)).status).toBe(200);
      },
    );
  });
});
