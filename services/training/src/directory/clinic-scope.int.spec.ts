import { NestExpressApplication } from '@nestjs/platform-express';
import { EventDataOf, eventDefinition, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ASSIGN_MODULE_EXAMPLE } from '../staff-training/assign-module/assign-module.dto';
import { RECORD_CERTIFICATION_EXAMPLE } from '../staff-training/record-certification/record-certification.dto';
import { RECORD_COMPLETION_EXAMPLE } from '../staff-training/record-completion/record-completion.dto';
import { REVOKE_CERTIFICATION_EXAMPLE } from '../staff-training/revoke-certification/revoke-certification.dto';
import { MovableClock } from '../testing/movable-clock';
import { StaffClinics } from './staff-clinics.projection';
import { call, createCatalog, startTrainingApp } from '../testing/training-test-app';

type Headers = Record<string, string>;
const STAFF = 'thc.scheduling.StaffMemberRecorded.v1';

/**
 * Trainers and admins act on the staff of the clinics they cover, as the directory places
 * them: a clinic-B trainer reaches nothing of clinic A's staff, and a team's compliance shows
 * them only the members they cover.
 */
describe('clinic scope in training', () => {
  const ns = new TestNamespace('training-clinic-scope');
  const clock = new MovableClock('2026-06-01T08:00:00Z');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let modules: Awaited<ReturnType<typeof createCatalog>>;
  const [clinicA, clinicB, mixedTeam] = [randomUUID(), randomUUID(), randomUUID()];
  // staffA in clinic A, staffB in clinic B, newcomerA in clinic A (not enrolled yet), and
  // unlisted, whom the directory does not list.
  const [staffA, staffB, newcomerA, unlisted] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  const as: Record<string, Headers> = {};

  const recordStaff = async (staffId: string, clinicIds: string[]) => {
    const definition = eventDefinition(STAFF);
    if (!definition) throw new Error(`no contract for ${STAFF}`);
    const key = `${definition.streamDefinition.prefix}-${staffId}`;
    await producer.send({
      topic: ns.topic(TOPICS.scheduling),
      messages: [
        {
          key,
          value: JSON.stringify({ ...(definition.example as object), staffId, clinicIds }),
          headers: toKafkaHeaders({
            id: randomUUID(),
            source: definition.source,
            type: STAFF,
            subject: key,
            time: new Date().toISOString(),
          }),
        },
      ],
    });
  };

  const enrol = (staffId: string, teamId: string, who: Headers) =>
    call(url, 'POST', `/api/v1/training/staff/${staffId}/enrolment`, who, {
      role: 'provider',
      teamId,
    });

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['TRAINING_EXPIRY_CHECK_INTERVAL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.scheduling)]);
    ({ app, url } = await startTrainingApp(clock.now));
    producer = ns.kafka().producer();
    await producer.connect();
    for (const role of ['trainer', 'admin'] as const) {
      as[`${role}A`] = await bearer(role, randomUUID(), { clinics: [clinicA] });
      as[`${role}B`] = await bearer(role, randomUUID(), { clinics: [clinicB] });
      as[`${role}None`] = await bearer(role, randomUUID(), { clinics: [] });
      as[`${role}All`] = await bearer(role, randomUUID());
    }
    modules = await createCatalog(url, as['trainerAll']!);
    await recordStaff(staffA, [clinicA]);
    await recordStaff(staffB, [clinicB]);
    await recordStaff(newcomerA, [clinicA]);
    // Recorded again as it was: the latest record wins and says the same.
    await recordStaff(staffB, [clinicB]);
    expect((await enrol(staffA, mixedTeam, as['trainerAll']!)).status).toBe(201);
    expect((await enrol(staffB, mixedTeam, as['trainerAll']!)).status).toBe(201);
    expect((await enrol(unlisted, clinicA, as['trainerAll']!)).status).toBe(201);
    await eventually(async () => {
      for (const staffId of [staffB, newcomerA]) {
        const seen = await call(url, 'GET', `/api/v1/training/staff/${staffId}`, as['trainerB']!);
        expect(seen.status).toBe(staffId === staffB ? 200 : 403);
      }
      expect(
        (await call(url, 'GET', `/api/v1/training/staff/${staffA}`, as['trainerA']!)).status,
      ).toBe(200);
    });
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('applies each directory event once: a redelivered older record changes nothing', async () => {
    const clinics = app.get(StaffClinics);
    const definition = eventDefinition(STAFF);
    const staffId = randomUUID();
    const record = (clinicIds: string[]): EventDataOf<typeof STAFF> => ({
      ...(definition?.example as EventDataOf<typeof STAFF>),
      staffId,
      clinicIds,
    });
    const [older, newer] = [randomUUID(), randomUUID()];
    expect(await clinics.recorded(older, record([clinicA]))).toBe(true);
    expect(await clinics.recorded(newer, record([clinicB]))).toBe(true);
    expect(await clinics.recorded(older, record([clinicA]))).toBe(false);
    expect(await clinics.clinicsOf(staffId)).toEqual([clinicB]);
  });

  it("reads a staff member's record only in their clinics", async () => {
    const read = (staffId: string, who: Headers) =>
      call(url, 'GET', `/api/v1/training/staff/${staffId}`, who);
    expect((await read(staffA, as['trainerB']!)).status).toBe(403);
    expect((await read(staffA, as['adminB']!)).status).toBe(403);
    expect((await read(staffA, as['trainerNone']!)).status).toBe(403);
    expect((await read(staffA, as['adminA']!)).status).toBe(200);
    // Not in the directory: only a token that covers every clinic.
    expect((await read(unlisted, as['trainerA']!)).status).toBe(403);
    expect((await read(unlisted, as['trainerAll']!)).status).toBe(200);
    // Staff still read their own record.
    const own = await bearer('provider', staffA);
    expect((await read(staffA, own)).status).toBe(200);
    expect((await call(url, 'GET', '/api/v1/training/me', own)).status).toBe(200);
  });

  it("changes nothing of another clinic's staff member", async () => {
    const before = (await call(url, 'GET', `/api/v1/training/staff/${staffA}`, as['trainerAll']!))
      .body;
    const staff = `/api/v1/training/staff/${staffA}`;
    for (const who of [as['trainerB']!, as['adminB']!, as['adminNone']!]) {
      expect((await enrol(newcomerA, clinicA, who)).status).toBe(403);
      expect(
        (
          await call(url, 'POST', `${staff}/assignments`, who, {
            ...ASSIGN_MODULE_EXAMPLE,
            moduleId: modules.hipaa,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call(url, 'POST', `${staff}/completions`, who, {
            ...RECORD_COMPLETION_EXAMPLE,
            moduleId: modules.hipaa,
          })
        ).status,
      ).toBe(403);
      expect(
        (await call(url, 'POST', `${staff}/certifications`, who, RECORD_CERTIFICATION_EXAMPLE))
          .status,
      ).toBe(403);
      expect(
        (
          await call(
            url,
            'POST',
            `${staff}/certifications/${randomUUID()}/revocation`,
            who,
            REVOKE_CERTIFICATION_EXAMPLE,
          )
        ).status,
      ).toBe(403);
    }
    expect(
      (await call(url, 'GET', `/api/v1/training/staff/${newcomerA}`, as['trainerAll']!)).status,
    ).toBe(404);
    expect(
      (await call(url, 'GET', `/api/v1/training/staff/${staffA}`, as['trainerAll']!)).body,
    ).toEqual(before);
    // The covering trainer may.
    expect((await enrol(newcomerA, clinicA, as['trainerA']!)).status).toBe(201);
  });

  describe("a team's compliance", () => {
    const members = async (teamId: string, who: Headers) => {
      const response = await call(url, 'GET', `/api/v1/training/teams/${teamId}/compliance`, who);
      expect(response.status).toBe(200);
      return {
        staff: response.body.staff as number,
        ids: new Set((response.body.members as { staffId: string }[]).map((m) => m.staffId)),
      };
    };

    it('shows only the members of the clinics the caller covers', async () => {
      expect(await members(mixedTeam, as['trainerB']!)).toEqual({
        staff: 1,
        ids: new Set([staffB]),
      });
      expect(await members(mixedTeam, as['adminA']!)).toEqual({ staff: 1, ids: new Set([staffA]) });
      expect(await members(mixedTeam, as['trainerNone']!)).toEqual({ staff: 0, ids: new Set() });
      expect((await members(mixedTeam, as['trainerAll']!)).ids).toEqual(new Set([staffA, staffB]));
    });

    it('shows every member of a team that is a clinic the caller covers, and none to another clinic', async () => {
      const inA = await members(clinicA, as['trainerA']!);
      expect(inA.ids).toEqual(new Set([unlisted, newcomerA]));
      expect(await members(clinicA, as['trainerB']!)).toEqual({ staff: 0, ids: new Set() });
    });
  });
});
