import { ApiProperty } from '@nestjs/swagger';
import { ConsentRecord, consentStatus } from './domain/consent.state';

const SCOPE_TEXT = {
  telehealth: 'Telehealth visits',
  recording: 'Recording of visits',
  'data-sharing': 'Sharing of visit data',
} as const;

/** FHIR R4 Consent, as the consent API returns it. */
export class FhirConsent {
  @ApiProperty({ enum: ['Consent'] }) resourceType!: 'Consent';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
  @ApiProperty() scope!: object;
  @ApiProperty() category!: object[];
  @ApiProperty() patient!: { reference: string };
  @ApiProperty() dateTime!: string;
  @ApiProperty() performer!: { reference: string }[];
  @ApiProperty() policyRule!: object;
  @ApiProperty() provision!: object;
  @ApiProperty() verification!: object[];
  @ApiProperty() extension!: object[];
}

const reference = (actor: { kind: string; userId?: string; role?: string }): string =>
  actor.kind === 'user'
    ? `${actor.role === 'patient' ? 'Patient' : 'Practitioner'}/${actor.userId}`
    : 'Device/thc';

/** One consent as a FHIR R4 Consent resource (status as of `at`). */
export function toFhirConsent(record: ConsentRecord, at: string): FhirConsent {
  const g = record.granted;
  return {
    resourceType: 'Consent',
    id: g.consentId,
    status: consentStatus(record, at),
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }],
    },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
      {
        coding: [{ system: 'https://thc.example.org/consent-scope', code: g.scope }],
        text: SCOPE_TEXT[g.scope],
      },
    ],
    patient: { reference: `Patient/${g.patientId}` },
    dateTime: g.grantedAt,
    performer: [{ reference: `Patient/${g.patientId}` }],
    policyRule: { text: `consent form ${g.formVersion}` },
    provision: {
      type: 'permit',
      period: {
        start: g.grantedAt,
        ...(record.revoked
          ? { end: record.revoked.revokedAt }
          : g.expiresAt
            ? { end: g.expiresAt }
            : {}),
      },
    },
    verification: [
      {
        verified: true,
        verifiedWith: {
          reference: reference(g.witnessedBy ? { kind: 'user', ...g.witnessedBy } : g.capturedBy),
        },
        verificationDate: g.grantedAt,
      },
    ],
    extension: [
      { url: 'https://thc.example.org/fhir/consent-method', valueCode: g.method },
      {
        url: 'https://thc.example.org/fhir/consent-captured-by',
        valueReference: { reference: reference(g.capturedBy) },
      },
      ...(g.expiresAt
        ? [{ url: 'https://thc.example.org/fhir/consent-expires', valueDateTime: g.expiresAt }]
        : []),
      ...(record.revoked
        ? [
            {
              url: 'https://thc.example.org/fhir/consent-revoked',
              valueDateTime: record.revoked.revokedAt,
            },
            {
              url: 'https://thc.example.org/fhir/consent-revoked-by',
              valueReference: { reference: reference(record.revoked.revokedBy) },
            },
          ]
        : []),
    ],
  };
}
