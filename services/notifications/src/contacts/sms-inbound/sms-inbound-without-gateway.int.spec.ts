import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { postServiceForm, TestNamespace } from '@thc/testing';
import { randomBytes } from 'node:crypto';
import { startNotificationsApp } from '../../testing/notifications-test-app';
import { ContactsModule } from '../contacts.module';

describe('the SMS webhook without a gateway configured', () => {
  const ns = new TestNamespace('notif-no-sms');
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      NOTIFICATIONS_SMS_PROVIDER: 'none',
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app, url } = await startNotificationsApp([ContactsModule]));
  }, 180_000);

  afterAll(async () => {
    for (const name of ['PHI_MASTER_KEYS', 'PHI_KEYS_DB', 'NOTIFICATIONS_SMS_PROVIDER'])
      delete process.env[name];
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('answers 404: there is nothing to receive', async () => {
    const answer = await postServiceForm(url, '/api/v1/sms/inbound', {
      From: '+12015550123',
      Body: 'STOP',
    });
    expect(answer.status).toBe(404);
    expect(answer.type).toContain('application/problem+json');
  });
});
