import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  bookableProvider,
  credentialProvider,
  defineSchedule,
  listInDirectory,
  startSchedulingApp,
} from '../appointments/testing/scheduling-test-app';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const RESCHEDULED = 'thc.scheduling.AppointmentRescheduled.v1';

/** Licensure follows the patient: where they say they will be decides who may see them. */
describe('a booking needs a provider licensed where the patient will be', () => {
  const ns = new TestNamespace('licence-gate');
  let target: { app: NestExpressApplication; url: string };
  let coordinator: Record<string, string>;
  let store: MongoEventStore;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    delete process.env['SCHEDULING_REQUIRE_LICENCE']; // the default: required
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    target = await startSchedulingApp();
    store = target.app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    await target?.app.close();
    await ns.dispose();
  });

  /** A provider licensed in NY until 2099 and in NJ until the given day. */
  async function okafor(njUntil = '2099-12-31'): Promise<string> {
    const providerId = randomUUID();
    await bookableProvider(target, coordinator, providerId);
    await listInDirectory(target.app, providerId, {
      name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
      licences: [
        { state: 'NY', number: 'NY-220431', expiresOn: '2099-12-31' },
        { state: 'NJ', number: 'NJ-25MA0981', expiresOn: njUntil },
      ],
    });
    return providerId;
  }

  const body = (providerId: string, state: unknown, day = '2031-03-10') => ({
    patientId: randomUUID(),
    providerId,
    clinicId: randomUUID(),
    visitType: 'video',
    start: `${day}T14:00:00Z`,
    end: `${day}T14:30:00Z`,
    timeZone: 'UTC',
    ...(state === undefined ? {} : { patientLocation: { state } }),
  });
  const book = (b: unknown) =>
    callService(target.url, 'POST', '/api/v1/appointments', coordinator, b);
  const bookedWith = (providerId: string) =>
    store.model.countDocuments({ type: BOOKED, 'data.providerId': providerId });

  it('books where the provider is licensed and keeps the stated state on the appointment', async () => {
    const providerId = await okafor();
    const booked = await book(body(providerId, 'NJ'));
    expect(booked).toMatchObject({ status: 201, body: { patientLocation: { state: 'NJ' } } });
    const [event] = await store.model.find({ type: BOOKED, 'data.providerId': providerId }).lean();
    expect(event?.data).toMatchObject({ patientLocation: { state: 'NJ' } });
  });

  it('refuses another state with 409 naming the state, the day and what the provider holds; nothing is booked', async () => {
    const providerId = await okafor();
    const refused = await book(body(providerId, 'PA'));
    expect(refused).toMatchObject({
      status: 409,
      body: {
        detail:
          'Dr. Adaeze Okafor holds no licence active in PA on 2031-03-10 (licensed in NJ until 2099-12-31, NY until 2099-12-31)',
      },
    });
    expect(await bookedWith(providerId)).toBe(0);
  });

  it('refuses a licence that runs out before the visit', async () => {
    const providerId = await okafor('2031-03-09');
    const refused = await book(body(providerId, 'NJ'));
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain('NJ until 2031-03-09');
  });

  it('refuses a provider the directory does not list, saying what to record', async () => {
    const stranger = randomUUID();
    await credentialProvider(target.app, stranger);
    await defineSchedule(target.url, coordinator, stranger);
    const refused = await book(body(stranger, 'NY'));
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain('is not in the directory');
  });

  it.each([
    ['without a location', undefined],
    ['with a state that is no USPS code', 'ZZ'],
    ['with a lower-case state', 'ny'],
  ])('answers a booking %s with 400 naming patientLocation', async (_, state) => {
    const providerId = await okafor();
    const refused = await book(body(providerId, state));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('patientLocation');
    expect(await bookedWith(providerId)).toBe(0);
  });

  it('checks a move again: to a provider unlicensed where the patient is, refused; restating the location, moved', async () => {
    const licensed = await okafor();
    const booked = await book(body(licensed, 'NJ', '2031-03-11'));
    expect(booked.status).toBe(201);
    const id = (booked.body as { appointmentId: string }).appointmentId;
    const nyOnly = randomUUID();
    await bookableProvider(target, coordinator, nyOnly);
    const move = (extra: Record<string, unknown>) =>
      callService(target.url, 'POST', `/api/v1/appointments/${id}/reschedule`, coordinator, {
        providerId: nyOnly,
        start: '2031-03-12T14:00:00Z',
        end: '2031-03-12T14:30:00Z',
        timeZone: 'UTC',
        ...extra,
      });
    const refused = await move({});
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toMatch(
      /no licence active in NJ on 2031-03-12/,
    );
    expect(
      await store.model.countDocuments({ type: RESCHEDULED, streamId: `appointment-${id}` }),
    ).toBe(0);
    const moved = await move({ patientLocation: { state: 'NY' } });
    expect(moved).toMatchObject({ status: 200, body: { patientLocation: { state: 'NY' } } });
  });
});
