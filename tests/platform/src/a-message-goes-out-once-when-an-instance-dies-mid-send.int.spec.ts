import { EVENT_TOPICS, waitlistSlotOfferedV1 } from '@thc/contracts';
import { bearer, eventually, MailpitClient, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { PublishedEvents } from '../../../services/notifications/src/planning/testing/published-events';
import { ServiceProcess } from './support/service-process';
import { SmtpRelayThatStalls } from './support/smtp-relay-that-stalls';

const CLAIM_MS = 30_000;

/**
 * Two notifications instances, one of them killed with SIGKILL while its SMTP server holds the
 * message it is sending: the patient gets that message exactly once. The instance dies holding
 * its claim, the claim runs out, and the other instance sends; the server never accepted the
 * first copy, since SMTP accepts a message only at the end of its data.
 */
describe('a message goes out once when an instance dies mid-send', () => {
  const ns = new TestNamespace('notif-instance-dies');
  const mail = MailpitClient.fromEnvironment();
  const smtp = new URL(process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025');
  const relay = new SmtpRelayThatStalls(smtp.hostname, Number(smtp.port));
  const patientId = randomUUID();
  const email = `dies-mid-send-${patientId}@example.org`;
  let first: ServiceProcess;
  let second: ServiceProcess | undefined;
  let producer: Producer;
  let mongo: MongoClient;

  const env = {
    KAFKA_TOPIC_PREFIX: ns.topicPrefix,
    MONGO_DB_PREFIX: ns.databasePrefix,
    PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
    PHI_KEYS_DB: ns.database('phi_keys'),
    NOTIFICATIONS_DISPATCH_POLL_MS: '200',
    NOTIFICATIONS_CLAIM_MS: String(CLAIM_MS),
    LOG_LEVEL: 'warn',
    OTEL_TRACES_EXPORTER: 'none',
  };

  beforeAll(async () => {
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    first = new ServiceProcess('notifications', {
      ...env,
      NOTIFICATIONS_SMTP_URL: await relay.start(),
    });
    await first.start();
    await first.ready();
    producer = ns.kafka().producer();
    await producer.connect();
    mongo = await MongoClient.connect(ns.mongoUrl);
  }, 180_000);

  afterAll(async () => {
    first?.kill();
    second?.kill();
    await producer?.disconnect();
    await mongo?.close();
    await relay.stop();
    await ns.dispose();
  }, 60_000);

  it('sends the message once, from the instance that lived', async () => {
    const stated = await fetch(`${first.url}/api/v1/people/${patientId}/contact-preferences`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await bearer('patient', patientId)) },
      body: JSON.stringify({
        email,
        timeZone: 'America/New_York',
        consent: { byEmail: true, bySms: false },
      }),
    });
    expect(stated.status).toBe(200);
    const start = new Date(Date.now() + 2 * 86_400_000);
    await new PublishedEvents(producer, (topic) => ns.topic(topic)).publish(
      waitlistSlotOfferedV1.type,
      {
        ...waitlistSlotOfferedV1.example,
        waitlistEntryId: randomUUID(),
        offerId: randomUUID(),
        patientId,
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
        offeredAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );

    // The first instance is mid-send: the whole message went through, all but its last line.
    await relay.stalled;
    second = new ServiceProcess('notifications', {
      ...env,
      NOTIFICATIONS_SMTP_URL: smtp.toString(),
    });
    await second.start();
    await second.ready();
    // Both run; the claim keeps the second away from a message the first is sending.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await mail.countTo(email)).toBe(0);

    first.kill();
    await eventually(async () => expect(await mail.countTo(email)).toBe(1), {
      timeoutMs: CLAIM_MS + 30_000,
      intervalMs: 500,
    });
    // Nothing else comes: no retry of a copy the server never accepted, no second outcome.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await mail.countTo(email)).toBe(1);
    const [received] = await mail.messagesTo(email);
    const events = await mongo
      .db(`${ns.databasePrefix}thc_notifications`)
      .collection('events')
      .find({ type: /^thc\.notifications\.Notification/ })
      .toArray();
    expect(
      events.map((event) => [event['type'], event['data'].channel, event['data'].attempt]),
    ).toEqual([['thc.notifications.NotificationSent.v1', 'email', 1]]);
    expect(received!.MessageID).toBe(`${events[0]!['data'].messageId}@notifications.thc`);
  }, 180_000);
});
