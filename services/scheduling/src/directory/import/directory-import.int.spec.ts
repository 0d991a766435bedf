import { MongoEventStore } from '@thc/event-store';
import { bearer, expectValidFhir, hostileBodies, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { DIRECTORY_READER, DirectoryReader } from '../directory.port';
import { healthSystemBundle } from '../testing/directory-bundle';
import { send } from '../testing/directory-client';
import { useDirectoryApp } from '../testing/directory-testbed';

describe('importing the directory from a FHIR Bundle', () => {
  const t = useDirectoryApp(new TestNamespace('directory-import'), bearer);
  // An admin of no one organization: the bundle's own organizations are theirs to record.
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await bearer('admin', randomUUID());
  });

  const importing = (bundle: unknown, headers = admin) =>
    send(t.url, 'POST', '/api/v1/directory/import', headers, bundle);
  const read = (path: string) => t.get(path);
  const streamVersion = (streamId: string) => t.app.get(MongoEventStore).currentVersion(streamId);

  it('records a small health system, and the same bundle again records nothing', async () => {
    const { ids, bundle } = healthSystemBundle();
    expectValidFhir(bundle, 'the test bundle');
    // The deployment's organization is the health system; its member is within it.
    const systemAdmin = await bearer('admin', randomUUID(), { organizationId: ids.system });
    const first = await importing(bundle, systemAdmin);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recorded: 8, unchanged: 0 });
    // Parents first: the system, then its member, whatever the bundle's order.
    expect(
      first.body.entries.slice(0, 2).map((entry: { reference: string }) => entry.reference),
    ).toEqual([`Organization/${ids.system}`, `Organization/${ids.member}`]);

    expect((await read(`organizations/${ids.member}`)).body).toMatchObject({ partOf: ids.system });
    expect((await read(`clinics/${ids.hackensack}`)).body).toMatchObject({
      timeZone: 'America/New_York',
      address: { state: 'NJ' },
    });
    expect((await read(`staff/${ids.provider}`)).body).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      organizationId: ids.member,
      functions: ['provider'],
      clinicIds: [ids.poughkeepsie, ids.hackensack].sort(),
      licences: [
        { state: 'NJ', number: '25MA09876500', expiresOn: '2026-12-31' },
        { state: 'NY', number: '298877', expiresOn: '2027-06-30' },
      ],
      npi: '1234567893',
    });
    const reader = t.app.get<DirectoryReader>(DIRECTORY_READER);
    expect((await reader.interpreters('es')).map((staff) => staff.displayName)).toEqual([
      'Lucía Reyes',
    ]);

    const systemCoordinator = await bearer('coordinator', randomUUID(), {
      organizationId: ids.system,
    });
    const member = await send(
      t.url,
      'GET',
      `/api/v1/directory/staff/${ids.coordinator}`,
      systemCoordinator,
    );
    expect(member.body).toMatchObject({ displayName: 'Wei Chen' });

    const again = await importing(bundle, systemAdmin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: 0, unchanged: 8 });
    expect(await streamVersion(`staff-member-${ids.provider}`)).toBe(1);
    expect(await streamVersion(`clinic-${ids.kingston}`)).toBe(1);
  });

  it('refuses a bad bundle naming the entry and field, and records nothing of it', async () => {
    const { ids, bundle } = healthSystemBundle();
    const hackensack = bundle.entry[4]!.resource as { address: { state: string } };
    hackensack.address.state = 'New Jersey';
    const interpreter = bundle.entry[8]!.resource as { communication: object[] };
    interpreter.communication.push({ coding: [{ system: 'urn:ietf:bcp:47', code: 'Spanish' }] });
    const answer = await importing(bundle);
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params'].map((param: { name: string }) => param.name)).toEqual([
      'entry[4].resource.address.state',
      'entry[8].resource.communication[2].coding[0].code',
    ]);
    expect((await read(`organizations/${ids.system}`)).status).toBe(404);
    expect(await streamVersion(`clinic-${ids.poughkeepsie}`)).toBe(0);
  });

  it('refuses ids that are not UUIDs and staff of clinics no one lists', async () => {
    const { bundle } = healthSystemBundle();
    (bundle.entry[2]!.resource as { id: string }).id = 'loc-17';
    const unknown = randomUUID();
    const orphan = {
      resource: {
        resourceType: 'PractitionerRole',
        practitioner: { reference: `Practitioner/${randomUUID()}` },
        location: [{ reference: `Location/${unknown}` }],
        code: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                code: 'INTRP',
              },
            ],
          },
        ],
      },
    };
    const answer = await importing({ ...bundle, entry: [...bundle.entry, orphan] });
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params']).toEqual([
      { name: 'entry[2].resource.id', reason: 'must be a UUID (directory ids are UUIDs)' },
      expect.objectContaining({ name: 'entry[12].resource.practitioner' }),
    ]);
  });

  it("refuses another organization's admin before recording anything", async () => {
    const { ids, bundle } = healthSystemBundle();
    const stranger = await bearer('admin', randomUUID(), { organizationId: randomUUID() });
    const answer = await importing(bundle, stranger);
    expect(answer.status).toBe(403);
    // A member's admin does not record the health system it is part of.
    const memberAdmin = await bearer('admin', randomUUID(), { organizationId: ids.member });
    const upward = await importing(bundle, memberAdmin);
    expect(upward.status).toBe(403);
    expect(upward.body.detail).toContain(`organization ${ids.system} is not yours`);
    expect((await read(`organizations/${ids.system}`)).status).toBe(404);
  });

  it('reads a bundle sent as application/fhir+json', async () => {
    const { ids, bundle } = healthSystemBundle();
    const response = await fetch(`${t.url}/api/v1/directory/import`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ ...bundle, type: 'transaction', entry: bundle.entry.slice(0, 3) }),
    });
    expect(response.status).toBe(200);
    expect((await read(`clinics/${ids.poughkeepsie}`)).body).toMatchObject({
      name: 'Poughkeepsie',
    });
  });

  it('answers every hostile body with a 400 and stores nothing', async () => {
    const { bundle } = healthSystemBundle();
    const events = t.app.get(MongoEventStore).model;
    const before = await events.countDocuments();
    const outcomes = await Promise.all(
      hostileBodies(bundle).map(async ({ label, body }) => ({
        label,
        status: (await importing(body)).status,
      })),
    );
    expect(outcomes.filter((outcome) => outcome.status !== 400)).toEqual([]);
    expect(await events.countDocuments()).toBe(before);
  });
});
