import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Connection } from 'mongoose';
import { fromKafkaHeaders, TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, hostileBodies, TestNamespace, walkRoutes } from '@thc/testing';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { send as call } from './testing/directory-client';
import { DIRECTORY_READER, DirectoryReader } from './directory.port';
import { healthSystemBundle } from './testing/directory-bundle';
import { healthSystem, startDirectoryApp } from './testing/directory-test-app';

describe('the directory over HTTP', () => {
  const ns = new TestNamespace('directory');
  let app: NestExpressApplication;
  let url: string;
  let consumer: Consumer;
  const published: { type: string; key: string }[] = [];
  const system = healthSystem();
  const { organizationId, clinicNy, clinicNj, providerId, interpreterId } = system;
  let admin: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.scheduling)]);
    ({ app, url } = await startDirectoryApp());
    admin = await bearer('admin', randomUUID(), { organizationId });
    consumer = ns.kafka().consumer({ groupId: ns.group('directory-watch') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.scheduling), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (decoded.ok)
          published.push({ type: decoded.attributes.type, key: message.key?.toString() ?? '' });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  const put = (path: string, body: unknown, headers = admin) =>
    call(url, 'PUT', `/api/v1/directory/${path}`, headers, body);
  const get = (path: string, headers: Record<string, string>) =>
    call(url, 'GET', `/api/v1/directory/${path}`, headers);
  const recordAll = async () => {
    const answers = [await put(`organizations/${organizationId}`, system.organization)];
    for (const [id, clinic] of Object.entries(system.clinics))
      answers.push(await put(`clinics/${id}`, clinic));
    for (const [id, staff] of Object.entries(system.staff))
      answers.push(await put(`staff/${id}`, staff));
    return answers;
  };

  it('every route declares who may call it', () => {
    expect(walkRoutes(app).filter((route) => !route.policy)).toEqual([]);
  });

  it('an admin records the organization, its clinics and staff; the same again changes nothing', async () => {
    const first = await recordAll();
    expect(first.map((answer) => [answer.status, answer.body.changed])).toEqual(
      first.map(() => [200, true]),
    );
    const again = await recordAll();
    expect(again.map((answer) => [answer.status, answer.body])).toEqual(
      first.map((answer) => [200, { ...answer.body, changed: false }]),
    );
  });

  it('reads back what was recorded, with names as people read them', async () => {
    const coordinator = await bearer('coordinator', randomUUID());
    const staff = await get(`staff/${providerId}`, coordinator);
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      clinicIds: [clinicNy, clinicNj].sort(),
      npi: '1234567893',
      version: 1,
    });
    expect((await get(`clinics/${clinicNj}`, coordinator)).body).toMatchObject({
      name: 'Hackensack',
      address: { state: 'NJ' },
    });
    expect((await get(`organizations/${organizationId}`, coordinator)).body).toMatchObject({
      name: 'Hudson Valley Health',
    });
    const clinics = await get('clinics', coordinator);
    expect(clinics.body.map((clinic: { name: string }) => clinic.name)).toEqual(
      expect.arrayContaining(['Hackensack', 'Poughkeepsie']),
    );
    const ny = await get(`staff?clinicId=${clinicNy}`, coordinator);
    expect(ny.body.map((member: { displayName: string }) => member.displayName)).toEqual([
      'Dr. Adaeze Okafor',
      'Lucía Reyes',
    ]);
  });

  it('booking draws interpreters by language from the pool, active ones only', async () => {
    const reader = app.get<DirectoryReader>(DIRECTORY_READER);
    expect((await reader.interpreters('es')).map((staff) => staff.staffId)).toEqual([
      interpreterId,
    ]);
    expect(await reader.interpreters('fr')).toEqual([]);
    expect(await reader.clinic(clinicNj)).toMatchObject({
      state: 'NJ',
      timeZone: 'America/New_York',
    });
    const away = { ...system.staff[interpreterId], active: false };
    expect((await put(`staff/${interpreterId}`, away)).status).toBe(200);
    expect(await reader.interpreters('es')).toEqual([]);
    await put(`staff/${interpreterId}`, system.staff[interpreterId]);
    expect(await reader.interpreters('es')).toHaveLength(1);
  });

  it('lists every one of many staff recorded at once in one clinic, as an import or seed does', async () => {
    const provider = system.staff[providerId]!;
    const many = Array.from({ length: 20 }, () => randomUUID());
    const answers = await Promise.all(
      many.map((id) => put(`staff/${id}`, { ...provider, npi: undefined, clinicIds: [clinicNj] })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(many.map(() => 200));
    const listed = await get(
      `staff?clinicId=${clinicNj}`,
      await bearer('coordinator', randomUUID()),
    );
    expect(listed.body.map((member: { staffId: string }) => member.staffId)).toEqual(
      expect.arrayContaining(many),
    );
  });

  it('a view lost after its append is rebuilt from the stream by the next record', async () => {
    const views = app.get<Connection>(getConnectionToken()).collection('directory_staff');
    await views.deleteOne({ _id: providerId as never });
    const same = await put(`staff/${providerId}`, system.staff[providerId]);
    expect(same.body).toMatchObject({ version: 1, changed: false });
    const coordinator = await bearer('coordinator', randomUUID());
    expect((await get(`staff/${providerId}`, coordinator)).body).toMatchObject({
      displayName: 'Dr. Adaeze Okafor',
      version: 1,
    });
  });

  it("another organization's admin is refused and nothing changes", async () => {
    const stranger = await bearer('admin', randomUUID(), { organizationId: randomUUID() });
    const renamed = { ...system.clinics[clinicNy], name: 'Taken over' };
    const refused = await put(`clinics/${clinicNy}`, renamed, stranger);
    expect(refused.status).toBe(403);
    expect((await get(`clinics/${clinicNy}`, stranger)).status).toBe(404);
    const coordinator = await bearer('coordinator', randomUUID());
    expect((await get(`clinics/${clinicNy}`, coordinator)).body.name).toBe('Poughkeepsie');
  });

  it('an admin of one clinic records only there', async () => {
    const njAdmin = await bearer('admin', randomUUID(), { organizationId, clinics: [clinicNj] });
    expect((await put(`clinics/${clinicNy}`, system.clinics[clinicNy], njAdmin)).status).toBe(403);
    // Taking the provider out of Poughkeepsie changes Poughkeepsie's staff too.
    const onlyNj = { ...system.staff[providerId], clinicIds: [clinicNj] };
    expect((await put(`staff/${providerId}`, onlyNj, njAdmin)).status).toBe(403);
    expect(
      (await put(`organizations/${organizationId}`, system.organization, njAdmin)).status,
    ).toBe(403);
  });

  it('refuses a staff member of a clinic the directory does not list, naming the field', async () => {
    const unknown = randomUUID();
    const staffId = randomUUID();
    const answer = await put(`staff/${staffId}`, {
      ...system.staff[interpreterId],
      clinicIds: [clinicNy, unknown],
    });
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params']).toEqual([
      { name: 'clinicIds[1]', reason: `clinic ${unknown} is not in the directory` },
    ]);
    const coordinator = await bearer('coordinator', randomUUID());
    expect((await get(`staff/${staffId}`, coordinator)).status).toBe(404);
  });

  it('refuses a malformed body, naming the field', async () => {
    const answer = await put(`clinics/${randomUUID()}`, {
      ...system.clinics[clinicNy],
      address: { ...system.clinics[clinicNy]!.address, state: 'New York' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['invalid-params'].map((p: { name: string }) => p.name)).toEqual([
      'address.state',
    ]);
  });

  it('answers every hostile body with a 400 and stores nothing', async () => {
    const { bundle } = healthSystemBundle();
    const targets = [
      { path: `staff/${randomUUID()}`, method: 'PUT' as const, valid: system.staff[providerId]! },
      { path: `clinics/${randomUUID()}`, method: 'PUT' as const, valid: system.clinics[clinicNy]! },
      { path: 'import', method: 'POST' as const, valid: bundle },
    ];
    const events = app.get(MongoEventStore).model;
    const before = await events.countDocuments();
    for (const { path, method, valid } of targets) {
      const bodies = hostileBodies(valid);
      const outcomes = await Promise.all(
        bodies.map(async ({ label, body }) => {
          const answer = await call(url, method, `/api/v1/directory/${path}`, admin, body);
          return { label, status: answer.status };
        }),
      );
      expect(outcomes.filter((outcome) => outcome.status !== 400)).toEqual([]);
    }
    expect(await events.countDocuments()).toBe(before);
  });

  it('a coordinator of one clinic reads only there; a patient reads clinics, never staff', async () => {
    const njCoordinator = await bearer('coordinator', randomUUID(), { clinics: [clinicNj] });
    expect((await get(`staff?clinicId=${clinicNy}`, njCoordinator)).status).toBe(403);
    expect((await get(`clinics/${clinicNy}`, njCoordinator)).status).toBe(404);
    expect((await get(`staff/${interpreterId}`, njCoordinator)).status).toBe(404);
    expect(
      (await get('clinics', njCoordinator)).body.map((c: { clinicId: string }) => c.clinicId),
    ).toEqual([clinicNj]);
    const patient = await bearer('patient', randomUUID());
    expect((await get(`clinics/${clinicNy}`, patient)).status).toBe(200);
    expect((await get(`staff?clinicId=${clinicNy}`, patient)).status).toBe(403);
    expect((await get(`staff/${providerId}`, patient)).status).toBe(403);
    const provider = await bearer('provider', providerId);
    expect((await get(`staff/${providerId}`, provider)).status).toBe(200);
    expect((await get(`staff/${interpreterId}`, provider)).status).toBe(404);
  });

  it('the records reach Kafka, keyed by their streams', async () => {
    await eventually(async () => {
      expect(published).toEqual(
        expect.arrayContaining([
          { type: 'thc.scheduling.OrganizationRecorded.v1', key: `organization-${organizationId}` },
          { type: 'thc.scheduling.ClinicRecorded.v1', key: `clinic-${clinicNj}` },
          { type: 'thc.scheduling.StaffMemberRecorded.v1', key: `staff-member-${providerId}` },
        ]),
      );
    });
  });
});
