import { IANAZone } from 'luxon';
import type { RecordViolation } from '../domain/directory.errors';
import type {
  ClinicRecord,
  OrganizationRecord,
  StaffFunction,
  StaffRecord,
} from '../domain/directory-records';
import {
  LANGUAGE_SYSTEM,
  NPI_SYSTEM,
  PARTICIPANT_TYPE_SYSTEM,
  PARTICIPATION_SYSTEM,
  STAFF_FUNCTION_CODES,
  STAFF_FUNCTION_SYSTEM,
  SUBDIVISION_SYSTEM,
  TIMEZONE_EXTENSION,
} from '../fhir-directory.codes';
import { FieldReader, Json, JsonObject, referencedId, UUID } from './fhir-fields';

/** A record and the bundle entry it came from, so a later refusal can name the entry. */
export interface FromEntry<Record> {
  readonly entry: number;
  readonly record: Record;
}

/** A staff member before their organization is known: it may come from their clinics. */
export type StaffDraft = Omit<StaffRecord, 'organizationId'> & {
  readonly organizationId?: string;
};

export interface DirectoryBundle {
  readonly organizations: readonly FromEntry<OrganizationRecord>[];
  readonly clinics: readonly FromEntry<ClinicRecord>[];
  readonly staff: readonly FromEntry<StaffDraft>[];
  readonly violations: readonly RecordViolation[];
}

const USPS = /^[A-Z]{2}$/;
const ZIP = /^[0-9]{5}(-[0-9]{4})?$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const NPI = /^[0-9]{10}$/;
const MAX_ENTRIES = 2000;

/** HL7's practitioner-role codes that make someone a provider here. */
const PROVIDER_ROLES = new Set(['doctor', 'nurse']);

interface RoleDraft {
  readonly entry: number;
  readonly active: boolean;
  readonly staffId: string;
  readonly organizationId?: string;
  readonly clinicIds: readonly string[];
  readonly functions: readonly StaffFunction[];
}

/**
 * Reads the directory from a FHIR R4 Bundle as an EHR exports it: Organizations, Locations (the
 * clinics), Practitioners and their PractitionerRoles. Resource ids (or `urn:uuid:` full URLs)
 * are the directory's ids, so they must be UUIDs. A Practitioner's functions and clinics are
 * the union of their active roles (of all their roles, for a Practitioner no longer active, so
 * the record still says where they worked). Everything wrong is collected, named by its path.
 */
export function readDirectoryBundle(body: Json): DirectoryBundle {
  const reader = new FieldReader();
  const organizations: FromEntry<OrganizationRecord>[] = [];
  const clinics: FromEntry<ClinicRecord>[] = [];
  const practitioners: FromEntry<Omit<StaffDraft, 'functions' | 'clinicIds'>>[] = [];
  const roles: RoleDraft[] = [];
  const entries = reader.array(reader.object(body, 'body')?.['entry'], 'entry', true);
  if (entries.length > MAX_ENTRIES) reader.fail('entry', `holds more than ${MAX_ENTRIES} entries`);
  const seen = new Map<string, number>();

  entries.slice(0, MAX_ENTRIES).forEach((item, index) => {
    const at = `entry[${index}]`;
    const entry = reader.object(item, at);
    const resource = entry && reader.object(entry['resource'], `${at}.resource`);
    if (!entry || !resource) return;
    const path = `${at}.resource`;
    const type = resource['resourceType'];
    // A role is read into its practitioner's record: its own id names nothing here.
    if (type === 'PractitionerRole') {
      const role = practitionerRole({ reader, resource, path, index });
      if (role) roles.push(role);
      return;
    }
    const id = idOf(reader, entry, resource, at);
    if (id && typeof type === 'string') {
      const key = `${type}/${id}`;
      if (seen.has(key)) reader.fail(`${path}.id`, `repeats ${key} of entry[${seen.get(key)}]`);
      seen.set(key, index);
    }
    if (!id) return;
    const read = { reader, resource, path, id, index };
    if (type === 'Organization') push(organizations, index, organization(read));
    else if (type === 'Location') push(clinics, index, location(read));
    else if (type === 'Practitioner') push(practitioners, index, practitioner(read));
    else
      reader.fail(
        `${path}.resourceType`,
        'must be Organization, Location, Practitioner or PractitionerRole',
      );
  });

  const staff = practitioners.flatMap(({ entry, record }) => {
    const all = roles.filter((role) => role.staffId === record.staffId);
    const own = record.active ? all.filter((role) => role.active) : all;
    if (own.length === 0) {
      reader.fail(`entry[${entry}].resource`, 'has no active PractitionerRole in the bundle');
      return [];
    }
    const organizationIds = new Set(own.flatMap((role) => role.organizationId ?? []));
    if (organizationIds.size > 1)
      reader.fail(`entry[${entry}].resource`, 'has roles in more than one organization');
    const [organizationId] = [...organizationIds];
    return [
      {
        entry,
        record: {
          ...record,
          ...(organizationId ? { organizationId } : {}),
          functions: unique(own.flatMap((role) => role.functions)),
          clinicIds: unique(own.flatMap((role) => role.clinicIds)),
        },
      },
    ];
  });
  for (const role of roles)
    if (!practitioners.some(({ record }) => record.staffId === role.staffId))
      reader.fail(
        `entry[${role.entry}].resource.practitioner`,
        `Practitioner/${role.staffId} is not in the bundle (a staff record is whole: send both)`,
      );

  return { organizations, clinics, staff, violations: reader.violations };
}

interface EntryRead {
  readonly reader: FieldReader;
  readonly resource: JsonObject;
  readonly path: string;
  readonly id: string;
  readonly index: number;
}

function idOf(reader: FieldReader, entry: JsonObject, resource: JsonObject, at: string) {
  const id = resource['id'];
  if (typeof id === 'string') {
    if (UUID.test(id)) return id.toLowerCase();
    return reader.fail(`${at}.resource.id`, 'must be a UUID (directory ids are UUIDs)');
  }
  const fullUrl = entry['fullUrl'];
  const fromUrl = typeof fullUrl === 'string' ? /^urn:uuid:(.+)$/.exec(fullUrl)?.[1] : undefined;
  if (fromUrl && UUID.test(fromUrl)) return fromUrl.toLowerCase();
  return reader.fail(`${at}.resource.id`, 'is missing (and fullUrl is no urn:uuid:<uuid>)');
}

function push<R>(into: FromEntry<R>[], entry: number, record: R | undefined): void {
  if (record) into.push({ entry, record });
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function organization({ reader, resource, path, id }: EntryRead): OrganizationRecord | undefined {
  const name = reader.text(resource['name'], `${path}.name`);
  const partOf =
    resource['partOf'] === undefined
      ? undefined
      : referencedId(reader, resource['partOf'], `${path}.partOf`, 'Organization');
  const active = reader.active(resource['active'], `${path}.active`);
  if (!name || (resource['partOf'] !== undefined && !partOf)) return undefined;
  return { organizationId: id, name, ...(partOf ? { partOf } : {}), active };
}

function location({ reader, resource, path, id }: EntryRead): ClinicRecord | undefined {
  const name = reader.text(resource['name'], `${path}.name`);
  const status = resource['status'];
  if (status !== undefined && !['active', 'suspended', 'inactive'].includes(status as string))
    reader.fail(`${path}.status`, 'must be active, suspended or inactive');
  const organizationId = referencedId(
    reader,
    resource['managingOrganization'],
    `${path}.managingOrganization`,
    'Organization',
  );
  const extensions = reader.array(resource['extension'], `${path}.extension`);
  const zoneAt = extensions.findIndex(
    (extension) => (extension as JsonObject | null)?.['url'] === TIMEZONE_EXTENSION,
  );
  const timeZone =
    zoneAt < 0
      ? reader.fail(`${path}.extension`, `needs the time zone extension ${TIMEZONE_EXTENSION}`)
      : reader.text(
          (extensions[zoneAt] as JsonObject)['valueCode'],
          `${path}.extension[${zoneAt}].valueCode`,
        );
  if (timeZone && !IANAZone.isValidZone(timeZone))
    reader.fail(`${path}.extension[${zoneAt}].valueCode`, 'must be an IANA time zone');
  const address = reader.object(resource['address'], `${path}.address`);
  const at = `${path}.address`;
  const lines = address ? reader.texts(address['line'], `${at}.line`, 1, 3) : [];
  const city = address && reader.text(address['city'], `${at}.city`);
  const state = address && reader.text(address['state'], `${at}.state`, USPS, 'a USPS state code');
  const postalCode =
    address && reader.text(address['postalCode'], `${at}.postalCode`, ZIP, 'a US ZIP code');
  if (!name || !organizationId || !timeZone || !city || !state || !postalCode) return undefined;
  return {
    clinicId: id,
    organizationId,
    name,
    timeZone,
    address: { lines, city, state, postalCode },
    active: (status ?? 'active') === 'active',
  };
}

function practitioner({
  reader,
  resource,
  path,
  id,
}: EntryRead): Omit<StaffDraft, 'functions' | 'clinicIds'> | undefined {
  const names = reader.array(resource['name'], `${path}.name`, true);
  const nameAt = Math.max(
    0,
    names.findIndex((name) => (name as JsonObject | null)?.['use'] === 'official'),
  );
  const name = reader.object(names[nameAt], `${path}.name[${nameAt}]`);
  const at = `${path}.name[${nameAt}]`;
  const family = name && reader.text(name['family'], `${at}.family`);
  const given = name ? reader.texts(name['given'], `${at}.given`, 1, 4) : [];
  const prefix =
    name?.['prefix'] === undefined ? [] : reader.texts(name['prefix'], `${at}.prefix`, 0, 2);
  const suffix =
    name?.['suffix'] === undefined ? [] : reader.texts(name['suffix'], `${at}.suffix`, 0, 3);

  const identifiers = reader.array(resource['identifier'], `${path}.identifier`);
  const npiAt = identifiers.findIndex(
    (identifier) => (identifier as JsonObject | null)?.['system'] === NPI_SYSTEM,
  );
  const npi =
    npiAt < 0
      ? undefined
      : reader.text(
          (identifiers[npiAt] as JsonObject)['value'],
          `${path}.identifier[${npiAt}].value`,
          NPI,
          '10 digits',
        );

  const languages = reader
    .array(resource['communication'], `${path}.communication`)
    .flatMap(
      (concept, index) => languageOf(reader, concept, `${path}.communication[${index}]`) ?? [],
    );
  const licences = reader
    .array(resource['qualification'], `${path}.qualification`)
    .flatMap(
      (qualification, index) =>
        licenceOf(reader, qualification, `${path}.qualification[${index}]`) ?? [],
    );
  const active = reader.active(resource['active'], `${path}.active`);
  if (!family || given.length === 0) return undefined;
  return {
    staffId: id,
    name: {
      family,
      given,
      ...(prefix.length > 0 ? { prefix } : {}),
      ...(suffix.length > 0 ? { suffix } : {}),
    },
    languages: unique(languages),
    licences,
    ...(npi ? { npi } : {}),
    active,
  };
}

function languageOf(reader: FieldReader, value: Json, path: string): string | undefined {
  const concept = reader.object(value, path);
  const codings = concept ? reader.array(concept['coding'], `${path}.coding`, true) : [];
  const at = codings.findIndex((coding) => {
    const system = (coding as JsonObject | null)?.['system'];
    return system === undefined || system === LANGUAGE_SYSTEM;
  });
  if (at < 0) return reader.fail(`${path}.coding`, `needs a ${LANGUAGE_SYSTEM} language code`);
  return reader.text(
    (codings[at] as JsonObject)['code'],
    `${path}.coding[${at}].code`,
    LANGUAGE,
    'a BCP 47 tag such as es',
  );
}

/** A qualification issued by a state (`urn:iso:std:iso:3166:-2` `US-NY`) is a licence; a degree is not. */
function licenceOf(
  reader: FieldReader,
  value: Json,
  path: string,
): StaffRecord['licences'][number] | undefined {
  const qualification = reader.object(value, path);
  const issuer = qualification?.['issuer'] as JsonObject | undefined;
  const identifier = issuer?.['identifier'] as JsonObject | undefined;
  if (!qualification || identifier?.['system'] !== SUBDIVISION_SYSTEM) return undefined;
  const subdivision = reader.text(
    identifier['value'],
    `${path}.issuer.identifier.value`,
    /^US-[A-Z]{2}$/,
    'US-<USPS code>',
  );
  const identifiers = reader.array(qualification['identifier'], `${path}.identifier`, true);
  const number = reader.text(
    (identifiers[0] as JsonObject | undefined)?.['value'],
    `${path}.identifier[0].value`,
  );
  const period = qualification['period'] as JsonObject | undefined;
  const end = reader.text(
    period?.['end'],
    `${path}.period.end`,
    DATE,
    'the last day of the licence, yyyy-mm-dd',
  );
  if (!subdivision || !number || !end) return undefined;
  return { state: subdivision.slice(3), number, expiresOn: end };
}

function practitionerRole({
  reader,
  resource,
  path,
  index,
}: Omit<EntryRead, 'id'>): RoleDraft | undefined {
  const staffId = referencedId(
    reader,
    resource['practitioner'],
    `${path}.practitioner`,
    'Practitioner',
  );
  const organizationId =
    resource['organization'] === undefined
      ? undefined
      : referencedId(reader, resource['organization'], `${path}.organization`, 'Organization');
  const clinicIds = reader
    .array(resource['location'], `${path}.location`, true)
    .flatMap(
      (location, at) => referencedId(reader, location, `${path}.location[${at}]`, 'Location') ?? [],
    );
  const functions = reader
    .array(resource['code'], `${path}.code`, true)
    .flatMap((concept) => functionsOf(concept));
  if (functions.length === 0)
    reader.fail(
      `${path}.code`,
      `names no function the directory knows (${STAFF_FUNCTION_SYSTEM}, translator or INTRP)`,
    );
  if (!staffId || functions.length === 0) return undefined;
  return {
    entry: index,
    active: reader.active(resource['active'], `${path}.active`),
    staffId,
    ...(organizationId ? { organizationId } : {}),
    clinicIds,
    functions,
  };
}

function functionsOf(concept: Json): StaffFunction[] {
  const codings = (concept as JsonObject | null)?.['coding'];
  if (!Array.isArray(codings)) return [];
  return codings.flatMap((coding: JsonObject | null): StaffFunction[] => {
    const system = coding?.['system'];
    const code = coding?.['code'];
    if (system === STAFF_FUNCTION_SYSTEM && STAFF_FUNCTION_CODES.includes(code as StaffFunction))
      return [code as StaffFunction];
    if (system === PARTICIPANT_TYPE_SYSTEM && code === 'translator') return ['interpreter'];
    if (system === PARTICIPATION_SYSTEM && code === 'INTRP') return ['interpreter'];
    if (
      system === 'http://terminology.hl7.org/CodeSystem/practitioner-role' &&
      PROVIDER_ROLES.has(code as string)
    )
      return ['provider'];
    return [];
  });
}
