import { healthSystemBundle } from '../testing/directory-bundle';
import { readDirectoryBundle } from './read-directory-bundle';

type Resource = Record<string, unknown>;
const resourceAt = (bundle: { entry: { resource: object }[] }, index: number) =>
  bundle.entry[index]!.resource as Resource;

describe('reading the directory from a FHIR Bundle', () => {
  it("reads each Practitioner with the functions and clinics of their roles, and a state's qualification as a licence", () => {
    const { ids, bundle } = healthSystemBundle();
    const read = readDirectoryBundle(bundle);
    expect(read.violations).toEqual([]);
    expect(read.organizations.map(({ record }) => record.organizationId)).toEqual([
      ids.member,
      ids.system,
    ]);
    expect(read.clinics.map(({ entry, record }) => [entry, record.address.state])).toEqual([
      [2, 'NY'],
      [3, 'NY'],
      [4, 'NJ'],
    ]);
    const [provider, interpreter, coordinator] = read.staff.map(({ record }) => record);
    expect(provider).toMatchObject({
      organizationId: ids.member,
      functions: ['provider'],
      clinicIds: [ids.poughkeepsie, ids.hackensack],
      licences: [
        { state: 'NY', number: '298877', expiresOn: '2027-06-30' },
        { state: 'NJ', number: '25MA09876500', expiresOn: '2026-12-31' },
      ],
      npi: '1234567893',
      active: true,
    });
    expect(interpreter).toMatchObject({ functions: ['interpreter'], languages: ['es', 'en'] });
    expect(coordinator).toMatchObject({ functions: ['coordinator'], clinicIds: [ids.hackensack] });
  });

  it('takes ids from urn:uuid full URLs when resources have none', () => {
    const { ids, bundle } = healthSystemBundle();
    const organization = resourceAt(bundle, 1);
    delete organization['id'];
    const entry = bundle.entry[1] as { fullUrl?: string };
    entry.fullUrl = `urn:uuid:${ids.system}`;
    const read = readDirectoryBundle(bundle);
    expect(read.violations).toEqual([]);
    expect(read.organizations[1]?.record.organizationId).toBe(ids.system);
  });

  it('keeps where an inactive practitioner worked, and leaves out the ended roles of an active one', () => {
    const { ids, bundle } = healthSystemBundle();
    resourceAt(bundle, 7)['active'] = false; // the provider's Hackensack role
    let read = readDirectoryBundle(bundle);
    expect(read.staff[0]?.record.clinicIds).toEqual([ids.poughkeepsie]);
    resourceAt(bundle, 5)['active'] = false; // the provider themself
    read = readDirectoryBundle(bundle);
    expect(read.staff[0]?.record).toMatchObject({
      active: false,
      clinicIds: [ids.poughkeepsie, ids.hackensack],
    });
  });

  it('names every field it refuses by its path in the bundle', () => {
    const { bundle } = healthSystemBundle();
    const location = resourceAt(bundle, 3);
    location['extension'] = [];
    (location['managingOrganization'] as Resource)['reference'] = 'Organization/acme';
    const practitioner = resourceAt(bundle, 5);
    (practitioner['identifier'] as Resource[])[0]!['value'] = '12345';
    (practitioner['qualification'] as Resource[])[0]!['period'] = {};
    (bundle.entry as { resource: object }[]).push({
      resource: { resourceType: 'HealthcareService', id: crypto.randomUUID() },
    });
    expect(readDirectoryBundle(bundle).violations.map((violation) => violation.field)).toEqual([
      'entry[3].resource.managingOrganization.reference',
      'entry[3].resource.extension',
      'entry[5].resource.identifier[0].value',
      'entry[5].resource.qualification[0].period.end',
      'entry[12].resource.resourceType',
    ]);
  });

  it('refuses a Practitioner without a role and a role without its Practitioner', () => {
    const { bundle } = healthSystemBundle();
    const withoutRoles = bundle.entry.filter((_, index) => index !== 11);
    expect(readDirectoryBundle({ ...bundle, entry: withoutRoles }).violations).toEqual([
      { field: 'entry[10].resource', reason: 'has no active PractitionerRole in the bundle' },
    ]);
    const withoutPractitioner = bundle.entry.filter((_, index) => index !== 10);
    expect(readDirectoryBundle({ ...bundle, entry: withoutPractitioner }).violations).toEqual([
      expect.objectContaining({ field: 'entry[10].resource.practitioner' }),
    ]);
  });
});
