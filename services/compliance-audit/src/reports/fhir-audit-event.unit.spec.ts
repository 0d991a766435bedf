import { expectValidFhir } from '@thc/testing';
import type { ReportRow } from './report-row';
import { toFhirAuditEvent, toFhirBundle } from './fhir-audit-event';

const phiRead: ReportRow = {
  seq: 41,
  occurredAt: '2026-03-09T13:05:00Z',
  action: 'R',
  actorId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  role: 'provider',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  resourceType: 'Encounter',
  resourceId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  purpose: 'treatment',
  service: 'sessions',
  outcome: '0',
  eventType: 'thc.compliance.PhiAccessed.v1',
  eventId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  hash: 'a'.repeat(64),
};
const systemWrite: ReportRow = {
  seq: 42,
  occurredAt: '2026-03-09T13:06:00Z',
  action: 'C',
  role: 'system:scheduling',
  resourceType: 'Appointment',
  service: 'scheduling',
  outcome: '0',
  eventType: 'thc.scheduling.AppointmentBooked.v1',
  eventId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
  correlationId: 'e3f4a5b6-c7d8-4e9f-8a1b-2c3d4e5f6071',
  hash: 'b'.repeat(64),
};
const disclosure: ReportRow = {
  ...phiRead,
  seq: 43,
  action: 'E',
  eventType: 'thc.compliance.DisclosureRecorded.v1',
  eventId: 'f4a5b6c7-d8e9-4f0a-9b1c-2d3e4f506172',
  purpose: 'legal',
  recipient: 'County Health Department',
  disclosed: 'Appointment Encounter',
  disclosedAt: '2026-03-09T12:00:00Z',
};

describe('audit entries as FHIR R4 AuditEvents', () => {
  test.each([
    ['a PHI read by a provider', phiRead],
    ['a write by a service', systemWrite],
    ['a disclosure outside the health system', disclosure],
  ])('%s passes the R4 validator', (_label, row) => {
    expectValidFhir(toFhirAuditEvent(row));
  });

  it('a page of them is a valid searchset Bundle whose next link is a full URL', () => {
    const next =
      'https://audit.example.test/api/v1/audit/reports/staff/x/phi-access?format=fhir&after=43';
    const bundle = toFhirBundle([phiRead, systemWrite, disclosure], next);
    expectValidFhir(bundle);
    expect(bundle.link).toEqual([{ relation: 'next', url: next }]);
  });

  it('names a staff member as the directory does, and never a patient', () => {
    const named = toFhirAuditEvent({ ...phiRead, actorName: 'Dr. Adaeze Okafor' });
    expectValidFhir(named);
    expect(named.agent[0]?.who).toEqual({
      reference: `Practitioner/${phiRead.actorId}`,
      display: 'Dr. Adaeze Okafor',
    });
    const patient = toFhirAuditEvent({ ...phiRead, role: 'patient', actorName: 'Ada Lovelace' });
    expect(patient.agent[0]?.who).toEqual({ reference: `Patient/${phiRead.actorId}` });
    expect(toFhirAuditEvent(phiRead).agent[0]?.who).toEqual({
      reference: `Practitioner/${phiRead.actorId}`,
    });
  });

  it("mints its code system and extension URLs on the platform's one base", () => {
    const event = toFhirAuditEvent(phiRead);
    const urls = [
      ...(event.extension ?? []).map((extension) => extension.url),
      ...(event.subtype ?? []).map((coding) => coding.system ?? ''),
    ];
    expect(urls).toEqual([
      'https://telehealth-coordinator.org/fhir/StructureDefinition/audit-sequence',
      'https://telehealth-coordinator.org/fhir/StructureDefinition/audit-hash',
      'https://telehealth-coordinator.org/fhir/StructureDefinition/trace-id',
      'https://telehealth-coordinator.org/fhir/CodeSystem/event-type',
    ]);
  });
});
