import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { KafkaModule } from '@thc/messaging';
import { ClockModule, createServiceApp, PlatformModule } from '@thc/service-runtime';
import {
  CommandBudget,
  CommandCounter,
  consumedEvent,
  handlerOf,
  TestNamespace,
} from '@thc/testing';
import { Connection } from 'mongoose';
import { MessageQueue } from '../delivery/infrastructure/message-queue.projection';
import { NotificationsSettingsModule } from '../notifications-settings.module';
import { serviceIdentity } from '../service.identity';
import { PLANNING_EVENT as E } from './domain/planning-events';
import { PlanMessagesWhenAppointmentsChange } from './from-scheduling/plan-messages-when-appointments-change.consumer';
import { PlanMessagesWhenSessionsProgress } from './from-sessions/plan-messages-when-sessions-progress.consumer';
import { PlanningModule } from './planning.module';
import { VisitEvents } from './testing/visit-events.fixture';

/**
 * Database commands (round trips) per planned event on a warm instance, each measured on a
 * visit of its own after the same case ran once on another.
 */
const budget = new CommandBudget({
  // The visit status upsert, then one insert per recipient (here the patient).
  'a booking is planned': 2,
  // The visit status read by _id (the visit's zone and end), then the insert.
  'a reminder is planned': 2,
  // The patient's link kept in the visit status (which answers the visit), then the insert.
  "the patient's join link is planned": 2,
  // The session's appointment by _id, then the admission in the visit status.
  'an admission is followed': 2,
} as const);

/** Planning in the service as wired, without the outbox relay, whose polling would be counted. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    NotificationsSettingsModule,
    ClockModule.use(),
    PlanningModule,
  ],
})
class PlanningWithoutRelay {}

describe('database commands per planned event', () => {
  const ns = new TestNamespace('notifications-planning-commands');
  let app: NestExpressApplication;
  let counter: CommandCounter;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.sessions),
      ns.topic(TOPICS.notifications),
    ]);
    app = await createServiceApp(PlanningWithoutRelay, serviceIdentity, { logger: ['error'] });
    await app.init();
    counter = CommandCounter.attach(app.get<Connection>(getConnectionToken()).getClient());
  });

  afterAll(async () => {
    budget.report();
    counter?.detach();
    await app?.close();
    await ns.dispose();
  });

  const scheduling = () => handlerOf(app.get(PlanMessagesWhenAppointmentsChange));
  const sessions = () => handlerOf(app.get(PlanMessagesWhenSessionsProgress));
  const queued = () => app.get(MessageQueue).collection.countDocuments();
  const visit = () => new VisitEvents(new Date(Date.now() + 86_400_000).toISOString());

  /** Runs `prepare` then measures `run` on a warm visit and on the measured one. */
  const measure = async (
    useCase: Parameters<typeof budget.check>[0],
    prepare: (of: VisitEvents) => Promise<void>,
    run: (of: VisitEvents) => Promise<void>,
    plans: number,
  ) => {
    const [warm, measured] = [visit(), visit()];
    await prepare(warm);
    await run(warm);
    await prepare(measured);
    const before = await queued();
    const { usage } = await counter.measure(() => run(measured));
    expect((await queued()) - before).toBe(plans);
    budget.check(useCase, usage);
  };
  const nothing = async () => undefined;
  const book = (of: VisitEvents) => scheduling()(consumedEvent(E.booked, of.booked(new Date())));
  const createSession = (of: VisitEvents) =>
    sessions()(consumedEvent(E.sessionCreated, of.sessionCreated(new Date())));

  it('a booking is planned', () => measure('a booking is planned', nothing, book, 1));

  it('a reminder is planned', () =>
    measure(
      'a reminder is planned',
      book,
      (of) => scheduling()(consumedEvent(E.reminderDue, of.reminderDue(60))),
      1,
    ));

  it("the patient's join link is planned", () =>
    measure(
      "the patient's join link is planned",
      createSession,
      (of) =>
        sessions()(
          consumedEvent(
            E.linkDeliveryRequested,
            of.linkRequested(of.patientId, 'patient', 'before-visit', new Date()),
          ),
        ),
      1,
    ));

  it('an admission is followed', () =>
    measure(
      'an admission is followed',
      async (of) => {
        await createSession(of);
        await sessions()(consumedEvent(E.arrived, of.arrived(new Date())));
      },
      (of) => sessions()(consumedEvent(E.admitted, of.admitted(new Date()))),
      0,
    ));
});
