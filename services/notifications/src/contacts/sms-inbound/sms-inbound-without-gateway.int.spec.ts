import { postServiceForm, TestNamespace } from '@thc/testing';
import { notificationsSpecApp } from '../../testing/notifications-spec-app';
import { ContactsModule } from '../contacts.module';

describe('the SMS webhook without a gateway configured', () => {
  const started = notificationsSpecApp(new TestNamespace('notif-no-sms'), [ContactsModule], {
    env: () => ({ NOTIFICATIONS_SMS_PROVIDER: 'none' }),
  });

  it('answers 404: there is nothing to receive', async () => {
    const answer = await postServiceForm(started.url, '/api/v1/sms/inbound', {
      From: '+12015550123',
      Body: 'STOP',
    });
    expect(answer.status).toBe(404);
    expect(answer.type).toContain('application/problem+json');
  });
});
