import { consentGrantedV1, consentRevokedV1 } from '@thc/contracts';
import { expectValidFhir } from '@thc/testing';
import { staffActingOn, toFhirConsent } from './fhir-consent';

const granted = consentGrantedV1.example;
const coordinator = {
  userId: '6b1e3c5a-7d9f-4b2d-8e4a-1c3e5a7b9d11',
  role: 'coordinator' as const,
};

describe('a consent as a FHIR R4 Consent', () => {
  test.each([
    ['given electronically by the patient', { granted }],
    [
      'given verbally before a witness',
      { granted: { ...granted, method: 'verbal' as const, witnessedBy: coordinator } },
    ],
    [
      'captured by staff',
      { granted: { ...granted, capturedBy: { kind: 'user' as const, ...coordinator } } },
    ],
    ['revoked', { granted, revoked: consentRevokedV1.example }],
  ])('%s passes the R4 validator', (_label, record) => {
    expectValidFhir(toFhirConsent(record, '2026-05-01T00:00:00Z'));
  });

  it('names the witness of a verbal consent in an extension, and verifies it with the patient', () => {
    const consent = toFhirConsent(
      { granted: { ...granted, method: 'verbal', witnessedBy: coordinator } },
      '2026-05-01T00:00:00Z',
    );
    expect(consent.verification).toEqual([
      {
        verified: true,
        verifiedWith: { reference: `Patient/${granted.patientId}` },
        verificationDate: granted.grantedAt,
      },
    ]);
    expect(consent.extension).toContainEqual({
      url: 'https://telehealth-coordinator.org/fhir/StructureDefinition/consent-witnessed-by',
      valueReference: { reference: `Practitioner/${coordinator.userId}` },
    });
  });

  it('names the staff who captured and witnessed it as the directory does, and never the patient', () => {
    const record = {
      granted: {
        ...granted,
        method: 'verbal' as const,
        witnessedBy: coordinator,
        capturedBy: { kind: 'user' as const, ...coordinator },
      },
    };
    expect(staffActingOn([record])).toEqual([coordinator.userId, coordinator.userId]);
    expect(staffActingOn([{ granted }])).toEqual([]);
    const consent = toFhirConsent(
      record,
      '2026-05-01T00:00:00Z',
      new Map([
        [coordinator.userId, 'Wei Chen'],
        [granted.patientId, 'a patient name that must never show'],
      ]),
    );
    expectValidFhir(consent);
    const named = { reference: `Practitioner/${coordinator.userId}`, display: 'Wei Chen' };
    expect(consent.extension).toEqual(
      expect.arrayContaining([
        {
          url: 'https://telehealth-coordinator.org/fhir/StructureDefinition/consent-captured-by',
          valueReference: named,
        },
        {
          url: 'https://telehealth-coordinator.org/fhir/StructureDefinition/consent-witnessed-by',
          valueReference: named,
        },
      ]),
    );
    expect(JSON.stringify(consent)).not.toContain('a patient name');
  });
});
