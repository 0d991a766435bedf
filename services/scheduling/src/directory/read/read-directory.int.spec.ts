import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { DIRECTORY_READER, DirectoryReader } from '../directory.port';
import { useDirectoryApp } from '../testing/directory-testbed';

describe('reading the directory over HTTP', () => {
  const t = useDirectoryApp(new TestNamespace('directory-read'), bearer, { recorded: true });
  const { organizationId, clinicNy, clinicNj, providerId, interpreterId } = t.system;

  it('reads back what was recorded, with names as people read them', async () => {
    const staff = await t.get(`staff/${providerId}`);
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      clinicIds: [clinicNy, clinicNj].sort(),
      npi: '1234567893',
      version: 1,
    });
    expect((await t.get(`clinics/${clinicNj}`)).body).toMatchObject({
      name: 'Hackensack',
      address: { state: 'NJ' },
    });
    expect((await t.get(`organizations/${organizationId}`)).body).toMatchObject({
      name: 'Hudson Valley Health',
    });
    const clinics = await t.get('clinics');
    expect(clinics.body.map((clinic: { name: string }) => clinic.name)).toEqual(
      expect.arrayContaining(['Hackensack', 'Poughkeepsie']),
    );
    const ny = await t.get(`staff?clinicId=${clinicNy}`);
    expect(ny.body.map((member: { displayName: string }) => member.displayName)).toEqual([
      'Dr. Adaeze Okafor',
      'Lucía Reyes',
    ]);
  });

  it('booking draws interpreters by language from the pool, active ones only', async () => {
    const reader = t.app.get<DirectoryReader>(DIRECTORY_READER);
    expect((await reader.interpreters('es')).map((staff) => staff.staffId)).toEqual([
      interpreterId,
    ]);
    expect(await reader.interpreters('fr')).toEqual([]);
    expect(await reader.clinic(clinicNj)).toMatchObject({
      state: 'NJ',
      timeZone: 'America/New_York',
    });
    const away = { ...t.system.staff[interpreterId], active: false };
    expect((await t.put(`staff/${interpreterId}`, away)).status).toBe(200);
    expect(await reader.interpreters('es')).toEqual([]);
    await t.put(`staff/${interpreterId}`, t.system.staff[interpreterId]);
    expect(await reader.interpreters('es')).toHaveLength(1);
  });

  it('a coordinator of one clinic reads only there; a patient reads clinics, never staff', async () => {
    const njCoordinator = await bearer('coordinator', randomUUID(), { clinics: [clinicNj] });
    expect((await t.get(`staff?clinicId=${clinicNy}`, njCoordinator)).status).toBe(403);
    expect((await t.get(`clinics/${clinicNy}`, njCoordinator)).status).toBe(404);
    expect((await t.get(`staff/${interpreterId}`, njCoordinator)).status).toBe(404);
    expect(
      (await t.get('clinics', njCoordinator)).body.map((c: { clinicId: string }) => c.clinicId),
    ).toEqual([clinicNj]);
    const patient = await bearer('patient', randomUUID());
    expect((await t.get(`clinics/${clinicNy}`, patient)).status).toBe(200);
    expect((await t.get(`staff?clinicId=${clinicNy}`, patient)).status).toBe(403);
    expect((await t.get(`staff/${providerId}`, patient)).status).toBe(403);
    const provider = await bearer('provider', providerId);
    expect((await t.get(`staff/${providerId}`, provider)).status).toBe(200);
    expect((await t.get(`staff/${interpreterId}`, provider)).status).toBe(404);
  });

  it('answers 404 for a record the directory does not list, and 400 for a malformed id or clinic', async () => {
    for (const path of [`staff/${randomUUID()}`, `clinics/${randomUUID()}`])
      expect((await t.get(path)).status).toBe(404);
    for (const path of ['staff/not-a-uuid', 'clinics/not-a-uuid', 'organizations/not-a-uuid'])
      expect(await t.get(path)).toMatchObject({ status: 400, body: { status: 400 } });
    const listed = await t.get('staff?clinicId=not-a-uuid');
    expect(listed.status).toBe(400);
    expect(listed.body['invalid-params'].map((p: { name: string }) => p.name)).toEqual([
      'clinicId',
    ]);
  });
});
