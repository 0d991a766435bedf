import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, postServiceForm, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { ContactsModule } from '../../contacts/contacts.module';
import { PlanningModule } from '../../planning/planning.module';
import { startNotificationsApp } from '../../testing/notifications-test-app';
import { DeliveryModule } from '../delivery.module';
import { messageStreamId } from '../domain/message-outcome.events';
import { sentEvent } from '../domain/outcome-events';
import type { PlannedMessage } from '../domain/planned-message';
import { MessageOutcomeRepository } from '../infrastructure/message-outcome.repository';

const PUBLIC_URL = 'https://hooks.telehealth.example';
const AUTH_TOKEN = 'b'.repeat(32);

/**
 * The SMS gateway's delivery reports, signed as Twilio signs them: a late failure of an SMS
 * recorded as sent becomes its bounce, once; a STOP the gateway saw becomes the person's opt-out.
 */
describe('SMS delivery reports from the gateway', () => {
  const ns = new TestNamespace('notif-sms-reports');
  let app: NestExpressApplication;
  let url: string;

  const sentSms = async (recipientId: string): Promise<string> => {
    const message: PlannedMessage = {
      messageId: randomUUID(),
      kind: 'reminder',
      recipientId,
      recipientRole: 'patient',
      patientId: recipientId,
      triggerEventId: randomUUID(),
      sendAt: new Date().toISOString(),
    };
    await app.get(MessageOutcomeRepository).record(sentEvent(message, 'sms', 1, new Date(), 'SM1'));
    return message.messageId;
  };
  const report = (messageId: string, form: Record<string, string>, signature?: string) => {
    const path = `/api/v1/sms/status?messageId=${messageId}`;
    return postServiceForm(url, path, form, {
      'x-twilio-signature':
        signature ?? getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${path}`, form),
    });
  };
  const outcomes = async (messageId: string) =>
    (await app.get(MongoEventStore).load(messageStreamId(messageId))).map((event) => event.type);

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      NOTIFICATIONS_DISPATCH_POLL_MS: '0',
      NOTIFICATIONS_SMS_PROVIDER: 'twilio',
      NOTIFICATIONS_PUBLIC_URL: PUBLIC_URL,
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: '+15005550006',
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app, url } = await startNotificationsApp([ContactsModule, PlanningModule, DeliveryModule]));
  }, 180_000);

  afterAll(async () => {
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'NOTIFICATIONS_DISPATCH_POLL_MS',
      'NOTIFICATIONS_SMS_PROVIDER',
      'NOTIFICATIONS_PUBLIC_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM_NUMBER',
    ])
      delete process.env[name];
    await app?.close();
    await ns.dispose();
  }, 60_000);

  it('records a late failure of a sent SMS as its bounce, once however often it is reported', async () => {
    const messageId = await sentSms(randomUUID());
    const undelivered = { MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30005' };
    expect((await report(messageId, undelivered)).status).toBe(204);
    expect((await report(messageId, undelivered)).status).toBe(204);
    expect(await outcomes(messageId)).toEqual([
      'thc.notifications.NotificationSent.v1',
      'thc.notifications.NotificationBounced.v1',
    ]);
  });

  it('changes nothing for a delivered message or a failure on our side', async () => {
    const messageId = await sentSms(randomUUID());
    await report(messageId, { MessageSid: 'SM1', MessageStatus: 'delivered' });
    // 30007 is the carrier filtering the message: not the number's fault, no bounce.
    await report(messageId, { MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '30007' });
    expect(await outcomes(messageId)).toEqual(['thc.notifications.NotificationSent.v1']);
  });

  it('opts the person out of SMS when the gateway says they replied STOP to it', async () => {
    const personId = randomUUID();
    const stated = await callService(
      url,
      'PUT',
      `/api/v1/people/${personId}/contact-preferences`,
      await bearer('patient', personId),
      {
        mobile: '+12025550188',
        timeZone: 'America/New_York',
        consent: { byEmail: false, bySms: true },
      },
    );
    expect(stated.status).toBe(200);
    const messageId = await sentSms(personId);
    await report(messageId, {
      MessageSid: 'SM1',
      MessageStatus: 'undelivered',
      ErrorCode: '21610',
    });
    const read = await callService(
      url,
      'GET',
      `/api/v1/people/${personId}/contact-preferences`,
      await bearer('patient', personId),
    );
    expect(read.body).toMatchObject({ optedOut: { sms: true } });
    expect(await outcomes(messageId)).toContain('thc.notifications.NotificationBounced.v1');
  });

  it('refuses a forged report and one naming no message, changing nothing', async () => {
    const messageId = await sentSms(randomUUID());
    const form = { MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30005' };
    expect((await report(messageId, form, 'forged')).status).toBe(403);
    const unsigned = await postServiceForm(url, `/api/v1/sms/status?messageId=nope`, form, {
      'x-twilio-signature': getExpectedTwilioSignature(
        AUTH_TOKEN,
        `${PUBLIC_URL}/api/v1/sms/status?messageId=nope`,
        form,
      ),
    });
    expect(unsigned.status).toBe(400);
    expect(JSON.stringify(unsigned.body)).toContain('messageId');
    expect(await outcomes(messageId)).toEqual(['thc.notifications.NotificationSent.v1']);
  });
});
