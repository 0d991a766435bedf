import { getConnectionToken } from '@nestjs/mongoose';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, hostileBodies, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { useDirectoryApp } from '../testing/directory-testbed';

describe('recording the directory over HTTP', () => {
  const t = useDirectoryApp(new TestNamespace('directory-record'), bearer, { watch: true });
  const { organizationId, clinicNy, clinicNj, providerId, interpreterId } = t.system;

  it('an admin records the organization, its clinics and staff; the same again changes nothing', async () => {
    const first = await t.recordAll();
    expect(first.map((answer) => [answer.status, answer.body.changed])).toEqual(
      first.map(() => [200, true]),
    );
    const again = await t.recordAll();
    expect(again.map((answer) => [answer.status, answer.body])).toEqual(
      first.map((answer) => [200, { ...answer.body, changed: false }]),
    );
  });

  it('lists every one of many staff recorded at once in one clinic, as an import or seed does', async () => {
    const provider = t.system.staff[providerId]!;
    const many = Array.from({ length: 20 }, () => randomUUID());
    const answers = await Promise.all(
      many.map((id) =>
        t.put(`staff/${id}`, { ...provider, npi: undefined, clinicIds: [clinicNj] }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(many.map(() => 200));
    const listed = await t.get(`staff?clinicId=${clinicNj}`);
    expect(listed.body.map((member: { staffId: string }) => member.staffId)).toEqual(
      expect.arrayContaining(many),
    );
  });

  it('a view lost after its append is rebuilt from the stream by the next record', async () => {
    const views = t.app.get<Connection>(getConnectionToken()).collection('directory_staff');
    await views.deleteOne({ _id: providerId as never });
    const same = await t.put(`staff/${providerId}`, t.system.staff[providerId]);
    expect(same.body).toMatchObject({ version: 1, changed: false });
    expect((await t.get(`staff/${providerId}`)).body).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      version: 1,
    });
  });

  it("another organization's admin is refused and nothing changes", async () => {
    const stranger = await bearer('admin', randomUUID(), { organizationId: randomUUID() });
    const renamed = { ...t.system.clinics[clinicNy], name: 'Taken over' };
    const refused = await t.put(`clinics/${clinicNy}`, renamed, stranger);
    expect(refused.status).toBe(403);
    expect((await t.get(`clinics/${clinicNy}`, stranger)).status).toBe(404);
    expect((await t.get(`clinics/${clinicNy}`)).body.name).toBe('Poughkeepsie');
  });

  it('an admin of one clinic records only there', async () => {
    const njAdmin = await bearer('admin', randomUUID(), { organizationId, clinics: [clinicNj] });
    expect((await t.put(`clinics/${clinicNy}`, t.system.clinics[clinicNy], njAdmin)).status).toBe(
      403,
    );
    // Taking the provider out of Poughkeepsie changes Poughkeepsie's staff too.
    const onlyNj = { ...t.system.staff[providerId], clinicIds: [clinicNj] };
    expect((await t.put(`staff/${providerId}`, onlyNj, njAdmin)).status).toBe(403);
    expect(
      (await t.put(`organizations/${organizationId}`, t.system.organization, njAdmin)).status,
    ).toBe(403);
  });

  it('refuses a staff member of a clinic the directory does not list, naming the field', async () => {
    const unknown = randomUUID();
    const staffId = randomUUID();
    const answer = await t.put(`staff/${staffId}`, {
      ...t.system.staff[interpreterId],
      clinicIds: [clinicNy, unknown],
    });
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params']).toEqual([
      { name: 'clinicIds[1]', reason: `clinic ${unknown} is not in the directory` },
    ]);
    expect((await t.get(`staff/${staffId}`)).status).toBe(404);
  });

  it('refuses a malformed body, naming the field', async () => {
    const answer = await t.put(`clinics/${randomUUID()}`, {
      ...t.system.clinics[clinicNy],
      address: { ...t.system.clinics[clinicNy]!.address, state: 'New York' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params'].map((p: { name: string }) => p.name)).toEqual([
      'address.state',
    ]);
  });

  it('answers every hostile body with a 400 and stores nothing', async () => {
    const targets = [
      { path: `staff/${randomUUID()}`, valid: t.system.staff[providerId]! },
      { path: `clinics/${randomUUID()}`, valid: t.system.clinics[clinicNy]! },
      { path: `organizations/${randomUUID()}`, valid: t.system.organization },
    ];
    const events = t.app.get(MongoEventStore).model;
    const before = await events.countDocuments();
    for (const { path, valid } of targets) {
      const outcomes = await Promise.all(
        hostileBodies(valid).map(async ({ label, body }) => {
          return { label, status: (await t.put(path, body)).status };
        }),
      );
      expect(outcomes.filter((outcome) => outcome.status !== 400)).toEqual([]);
    }
    expect(await events.countDocuments()).toBe(before);
  });

  it('the records reach Kafka, keyed by their streams', async () => {
    await eventually(async () => {
      expect(t.published).toEqual(
        expect.arrayContaining([
          { type: 'thc.scheduling.OrganizationRecorded.v1', key: `organization-${organizationId}` },
          { type: 'thc.scheduling.ClinicRecorded.v1', key: `clinic-${clinicNj}` },
          { type: 'thc.scheduling.StaffMemberRecorded.v1', key: `staff-member-${providerId}` },
        ]),
      );
    });
  });
});
