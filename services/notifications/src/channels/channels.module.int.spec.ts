import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { MailpitClient } from '@thc/testing';
import { NotificationsSettingsModule } from '../notifications-settings.module';
import { EMAIL_CHANNEL, EmailChannel, OutgoingEmail } from './channel';
import { ChannelsModule } from './channels.module';

describe('ChannelsModule e-mail', () => {
  const saved = process.env['NOTIFICATIONS_SMTP_URL'];
  afterAll(() => {
    if (saved === undefined) delete process.env['NOTIFICATIONS_SMTP_URL'];
    else process.env['NOTIFICATIONS_SMTP_URL'] = saved;
  });

  it('sends through NOTIFICATIONS_SMTP_URL, and closes its connections when the app stops', async () => {
    process.env['NOTIFICATIONS_SMTP_URL'] = process.env['SMTP_URL'];
    const moduleRef = await Test.createTestingModule({
      imports: [NotificationsSettingsModule, ChannelsModule],
    }).compile();
    await moduleRef.init();
    const channel = moduleRef.get<EmailChannel>(EMAIL_CHANNEL);
    const to = `patient-${randomUUID()}@example.test`;
    const email: OutgoingEmail = {
      messageId: `msg-${randomUUID()}`,
      to,
      language: 'en',
      subject: 'Your visit is booked',
      text: 'See you on Monday.',
      html: '<p>See you on Monday.</p>',
      attachments: [],
    };

    expect((await channel.send(email)).outcome).toBe('sent');
    await MailpitClient.fromEnvironment().waitForMessagesTo(to, 1);

    await moduleRef.close();

    expect(await channel.send(email)).toEqual({
      outcome: 'transient',
      detail: 'SMTP connection failed (ECONNECTION)',
    });
  });
});
