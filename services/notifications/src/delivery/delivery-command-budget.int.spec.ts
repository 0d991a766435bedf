import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import {
  bearer,
  callService,
  CommandBudget,
  CommandCounter,
  consumedEvent,
  handlerOf,
  PrivateMailpit,
  startPrivateMailpit,
  TestNamespace,
} from '@thc/testing';
import { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { ContactsModule } from '../contacts/contacts.module';
import { PLANNING_EVENT as E } from '../planning/domain/planning-events';
import { PlanMessagesWhenAppointmentsChange } from '../planning/from-scheduling/plan-messages-when-appointments-change.consumer';
import { PlanningModule } from '../planning/planning.module';
import { VisitEvents } from '../planning/testing/visit-events.fixture';
import { startNotificationsApp } from '../testing/notifications-test-app';
import { DeliveryModule } from './delivery.module';
import { MessageDispatcher } from './message-dispatcher';

/**
 * Database commands (round trips to the service's own database) of one dispatcher round that
 * delivers one message, on a warm instance: the same round ran once for another person first.
 * The patient keys the seals are opened with live in the key store's database, on a connection
 * of its own, and are not counted here (one read by `_id` per seal opened).
 */
const budget = new CommandBudget({
  // The due page of the work list, the claim by _id, the message's outcome stream, the person's
  // contact points and the visit status by _id (side by side), the NotificationSent append
  // (its stream loaded again by the repository, then the insert), and the message leaving the
  // work list by _id.
  'one message delivered': 8,
} as const);

describe('database commands of one delivered message', () => {
  const ns = new TestNamespace('notifications-delivery-commands');
  let mailpit: PrivateMailpit;
  let app: NestExpressApplication;
  let url: string;
  let counter: CommandCounter;

  beforeAll(async () => {
    mailpit = await startPrivateMailpit();
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      NOTIFICATIONS_SMTP_URL: mailpit.smtpUrl,
      NOTIFICATIONS_DISPATCH_POLL_MS: '0',
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    // Without the outbox relay, whose polling would be counted.
    ({ app, url } = await startNotificationsApp(
      [ContactsModule, PlanningModule, DeliveryModule],
      undefined,
      { relay: false },
    ));
    counter = CommandCounter.attach(app.get<Connection>(getConnectionToken()).getClient());
  }, 180_000);

  afterAll(async () => {
    budget.report();
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'NOTIFICATIONS_SMTP_URL',
      'NOTIFICATIONS_DISPATCH_POLL_MS',
    ])
      delete process.env[name];
    counter?.detach();
    await app?.close();
    await mailpit?.stop();
    await ns.dispose();
  }, 60_000);

  const consumeScheduling = () => handlerOf(app.get(PlanMessagesWhenAppointmentsChange));

  /** A patient who states their e-mail, then books a visit: its confirmation falls due now. */
  async function bookingConfirmationDue(): Promise<string> {
    const visit = new VisitEvents(new Date(Date.now() + 3 * 86_400_000).toISOString());
    const email = `patient-${visit.patientId}@example.org`;
    const stated = await callService(
      url,
      'PUT',
      `/api/v1/people/${visit.patientId}/contact-preferences`,
      await bearer('patient', visit.patientId),
      {
        email,
        preferredLanguage: 'en-US',
        timeZone: 'America/New_York',
        consent: { byEmail: true, bySms: false },
      },
    );
    expect(stated.status).toBe(200);
    await consumeScheduling()(
      consumedEvent(E.booked, visit.booked(new Date()), { source: '/thc/scheduling' }),
    );
    return email;
  }

  it('one message delivered', async () => {
    const warm = await bookingConfirmationDue();
    expect(await app.get(MessageDispatcher).runOnce()).toBe(1);
    await mailpit.client.waitForMessagesTo(warm, 1);

    const email = await bookingConfirmationDue();
    const { result: handled, usage } = await counter.measure(() =>
      app.get(MessageDispatcher).runOnce(),
    );
    expect(handled).toBe(1);
    const [received] = await mailpit.client.waitForMessagesTo(email, 1);
    expect(received?.Subject).toBeTruthy();
    budget.check('one message delivered', usage);
  });
});
