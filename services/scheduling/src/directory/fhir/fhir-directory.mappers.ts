import { staffDisplayName } from '@thc/contracts';
import type {
  Bundle,
  Location,
  Organization,
  Practitioner,
  PractitionerRole,
} from '@medplum/fhirtypes';
import { createHash } from 'node:crypto';
import type { ClinicRecord, OrganizationRecord, StaffRecord } from '../domain/directory-records';
import {
  LANGUAGE_SYSTEM,
  NPI_SYSTEM,
  QUALIFICATION_SYSTEM,
  staffFunctionConcept,
  SUBDIVISION_SYSTEM,
  TIMEZONE_EXTENSION,
} from '../fhir-directory.codes';

type Served<R> = R & { readonly id: string };

export function fhirOrganization(record: OrganizationRecord): Served<Organization> {
  return {
    resourceType: 'Organization',
    id: record.organizationId,
    active: record.active,
    name: record.name,
    ...(record.partOf ? { partOf: { reference: `Organization/${record.partOf}` } } : {}),
  };
}

/** A clinic is a Location of its organization, in its own time zone. */
export function fhirLocation(record: ClinicRecord): Served<Location> {
  return {
    resourceType: 'Location',
    id: record.clinicId,
    extension: [{ url: TIMEZONE_EXTENSION, valueCode: record.timeZone }],
    status: record.active ? 'active' : 'inactive',
    name: record.name,
    mode: 'instance',
    address: {
      use: 'work',
      type: 'physical',
      line: [...record.address.lines],
      city: record.address.city,
      state: record.address.state,
      postalCode: record.address.postalCode,
      country: 'US',
    },
    managingOrganization: { reference: `Organization/${record.organizationId}` },
  };
}

/** Name, NPI, the languages spoken and one qualification per state licence. */
export function fhirPractitioner(record: StaffRecord): Served<Practitioner> {
  const { family, given, prefix, suffix } = record.name;
  return {
    resourceType: 'Practitioner',
    id: record.staffId,
    ...(record.npi ? { identifier: [{ system: NPI_SYSTEM, value: record.npi }] } : {}),
    active: record.active,
    name: [
      {
        use: 'official',
        text: staffDisplayName(record.name),
        family,
        given: [...given],
        ...(prefix ? { prefix: [...prefix] } : {}),
        ...(suffix ? { suffix: [...suffix] } : {}),
      },
    ],
    ...(record.licences.length > 0
      ? {
          qualification: record.licences.map((licence) => ({
            identifier: [{ value: licence.number }],
            code: {
              coding: [
                { system: QUALIFICATION_SYSTEM, code: 'state-licence', display: 'State licence' },
              ],
              text: `${licence.state} licence to practise`,
            },
            period: { end: licence.expiresOn },
            issuer: {
              identifier: { system: SUBDIVISION_SYSTEM, value: `US-${licence.state}` },
              display: `State of ${licence.state}`,
            },
          })),
        }
      : {}),
    ...(record.languages.length > 0
      ? {
          communication: record.languages.map((language) => ({
            coding: [{ system: LANGUAGE_SYSTEM, code: language }],
          })),
        }
      : {}),
  };
}

/** One role per clinic: the id is stable for the pair, within FHIR's 64 characters. */
export function practitionerRoleId(staffId: string, clinicId: string): string {
  const hex = createHash('sha256').update(`${staffId}/${clinicId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function fhirPractitionerRoles(
  record: StaffRecord,
  clinicNames: ReadonlyMap<string, string>,
): Served<PractitionerRole>[] {
  const displayName = staffDisplayName(record.name);
  return record.clinicIds.map((clinicId) => {
    const clinicName = clinicNames.get(clinicId);
    return {
      resourceType: 'PractitionerRole',
      id: practitionerRoleId(record.staffId, clinicId),
      active: record.active,
      practitioner: { reference: `Practitioner/${record.staffId}`, display: displayName },
      organization: { reference: `Organization/${record.organizationId}` },
      code: record.functions.map(staffFunctionConcept),
      location: [
        { reference: `Location/${clinicId}`, ...(clinicName ? { display: clinicName } : {}) },
      ],
    };
  });
}

export function searchset<R extends { resourceType: string; id: string }>(
  resources: readonly R[],
  baseUrl: string,
  selfUrl: string,
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
      resource: resource as unknown as NonNullable<Bundle['entry']>[number]['resource'],
      search: { mode: 'match' },
    })),
  };
}
