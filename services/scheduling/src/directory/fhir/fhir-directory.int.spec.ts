import { bearer, expectValidFhir, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { send } from '../testing/directory-client';
import { useDirectoryApp } from '../testing/directory-testbed';

describe('the directory as FHIR R4', () => {
  const t = useDirectoryApp(new TestNamespace('directory-fhir'), bearer, { recorded: true });
  const { organizationId, clinicNy, clinicNj, providerId, interpreterId } = t.system;

  const read = async (path: string, headers = t.coordinator) => {
    const answer = await send(t.url, 'GET', `/fhir/${path}`, headers);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('serves the organization as a valid Organization', async () => {
    const organization = await read(`Organization/${organizationId}`);
    expectValidFhir(organization, 'Organization');
    expect(organization).toMatchObject({ name: 'Hudson Valley Health', active: true });
  });

  it('serves a clinic as a valid Location with its address, organization and time zone', async () => {
    const location = await read(`Location/${clinicNj}`);
    expectValidFhir(location, 'Location');
    expect(location).toMatchObject({
      name: 'Hackensack',
      address: { state: 'NJ', postalCode: '07601', line: ['30 Prospect Ave'] },
      managingOrganization: { reference: `Organization/${organizationId}` },
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/timezone',
          valueCode: 'America/New_York',
        },
      ],
    });
  });

  it('serves a provider as a valid Practitioner with NPI, languages and a qualification per licence', async () => {
    const practitioner = await read(`Practitioner/${providerId}`);
    expectValidFhir(practitioner, 'Practitioner');
    expect(practitioner.identifier).toEqual([
      { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' },
    ]);
    expect(practitioner.name[0].text).toBe('Dr. Adaeze Okafor');
    expect(
      practitioner.communication.map((c: { coding: { code: string }[] }) => c.coding[0]!.code),
    ).toEqual(['en', 'ig']);
    expect(
      practitioner.qualification.map(
        (q: { issuer: { identifier: { value: string } }; period: { end: string } }) => [
          q.issuer.identifier.value,
          q.period.end,
        ],
      ),
    ).toEqual([
      ['US-NJ', '2026-12-31'],
      ['US-NY', '2027-06-30'],
    ]);
  });

  it("serves an interpreter's roles as a valid searchset, one PractitionerRole per clinic", async () => {
    const bundle = await read(`PractitionerRole?practitioner=Practitioner/${interpreterId}`);
    expectValidFhir(bundle, 'PractitionerRole searchset');
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry).toHaveLength(1);
    const role = bundle.entry[0].resource;
    expect(role.location).toEqual([{ reference: `Location/${clinicNy}`, display: 'Poughkeepsie' }]);
    expect(role.code[0].coding).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'translator' })]),
    );
    expectValidFhir(await read(`Practitioner/${interpreterId}`), 'interpreter Practitioner');
  });

  it('shows a coordinator of one clinic only the roles there, and no one outside it', async () => {
    const njCoordinator = await bearer('coordinator', randomUUID(), { clinics: [clinicNj] });
    const bundle = await read(`PractitionerRole?practitioner=${providerId}`, njCoordinator);
    expect(
      bundle.entry.map(
        (entry: { resource: { location: { reference: string }[] } }) =>
          entry.resource.location[0]!.reference,
      ),
    ).toEqual([`Location/${clinicNj}`]);
    const elsewhere = await send(
      t.url,
      'GET',
      `/fhir/Practitioner/${interpreterId}`,
      njCoordinator,
    );
    expect(elsewhere.status).toBe(404);
  });
});
