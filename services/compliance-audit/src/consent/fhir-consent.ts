import type {
  Bundle,
  CodeableConcept,
  Consent,
  ConsentProvision,
  ConsentVerification,
  Extension,
  Reference,
} from '@medplum/fhirtypes';
import { ApiProperty } from '@nestjs/swagger';
import { codeSystemUrl, extensionUrl } from '../fhir/fhir-urls';
import { ConsentRecord, consentStatus } from './domain/consent.state';

const SCOPE_TEXT = {
  telehealth: 'Telehealth visits',
  recording: 'Recording of visits',
  'data-sharing': 'Sharing of visit data',
} as const;

/**
 * FHIR R4 Consent, as the consent API returns it: the OpenAPI schema of Medplum's R4 `Consent`,
 * with the elements this view always fills.
 */
export class FhirConsent implements Consent {
  @ApiProperty({ enum: ['Consent'] }) resourceType!: 'Consent';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
  @ApiProperty() scope!: CodeableConcept;
  @ApiProperty() category!: CodeableConcept[];
  @ApiProperty() patient!: { reference: string };
  @ApiProperty() dateTime!: string;
  @ApiProperty() performer!: { reference: string }[];
  @ApiProperty() policyRule!: CodeableConcept;
  @ApiProperty() provision!: ConsentProvision;
  @ApiProperty() verification!: ConsentVerification[];
  @ApiProperty() extension!: Extension[];
}

type Actor = { kind: string; userId?: string; role?: string };

/** Staff id → name as the directory gives it; staff it does not list are left out. */
export type StaffNames = ReadonlyMap<string, string>;

/** Who acted, by reference, and a staff member also by name when the directory names them. */
function actorReference(actor: Actor, names: StaffNames): Reference {
  if (actor.kind !== 'user') return { reference: 'Device/thc' };
  if (actor.role === 'patient') return { reference: `Patient/${actor.userId}` };
  const name = actor.userId ? names.get(actor.userId) : undefined;
  return { reference: `Practitioner/${actor.userId}`, ...(name ? { display: name } : {}) };
}

/** The staff members who acted on these consents: the ones a view may name. */
export function staffActingOn(records: readonly ConsentRecord[]): string[] {
  return records.flatMap((record) =>
    [
      record.granted.capturedBy,
      record.granted.witnessedBy && { kind: 'user', ...record.granted.witnessedBy },
      record.revoked?.revokedBy,
    ].flatMap((actor: Actor | undefined) =>
      actor?.kind === 'user' && actor.role !== 'patient' && actor.userId ? [actor.userId] : [],
    ),
  );
}

/**
 * One consent as a FHIR R4 Consent resource (status as of `at`); the staff who captured,
 * witnessed or revoked it carry their names from `names` as `display`.
 */
export function toFhirConsent(
  record: ConsentRecord,
  at: string,
  names: StaffNames = new Map(),
): FhirConsent {
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
        coding: [{ system: codeSystemUrl('consent-scope'), code: g.scope }],
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
    // Verified with the patient (R4 allows only the patient or a relative here); the staff
    // member who witnessed a verbal consent is named in an extension.
    verification: [
      {
        verified: true,
        verifiedWith: { reference: `Patient/${g.patientId}` },
        verificationDate: g.grantedAt,
      },
    ],
    extension: [
      { url: extensionUrl('consent-method'), valueCode: g.method },
      {
        url: extensionUrl('consent-captured-by'),
        valueReference: actorReference(g.capturedBy, names),
      },
      ...(g.witnessedBy
        ? [
            {
              url: extensionUrl('consent-witnessed-by'),
              valueReference: actorReference({ kind: 'user', ...g.witnessedBy }, names),
            },
          ]
        : []),
      ...(g.expiresAt
        ? [{ url: extensionUrl('consent-expires'), valueDateTime: g.expiresAt }]
        : []),
      ...(record.revoked
        ? [
            {
              url: extensionUrl('consent-revoked'),
              valueDateTime: record.revoked.revokedAt,
            },
            {
              url: extensionUrl('consent-revoked-by'),
              valueReference: actorReference(record.revoked.revokedBy, names),
            },
          ]
        : []),
    ],
  };
}

/**
 * A patient's consents as a FHIR R4 searchset Bundle. No FHIR URL reads one consent, so each
 * entry is named by its id as a URN: R4 wants an absolute fullUrl.
 */
export function consentSearchset(consents: readonly FhirConsent[]) {
  return {
    resourceType: 'Bundle' as const,
    type: 'searchset' as const,
    total: consents.length,
    entry: consents.map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  } satisfies Bundle<Consent>;
}
