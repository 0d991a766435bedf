import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { MailpitClient } from './mailpit-client';
import { PrivateMailpit, startPrivateMailpit } from './private-mailpit';

// An invitation as a booking confirmation carries it; iCalendar lines end in CRLF.
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Telehealth Coordinator//Visits//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:appointment-42@thc.test',
  'DTSTART:20270312T150000Z',
  'DTEND:20270312T153000Z',
  'SUMMARY:Video visit with Dr. Okafor',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const uniqueAddress = (who: string) => `${who}-${randomUUID()}@example.test`;

function smtpUrl(): string {
  const url = process.env['SMTP_URL'];
  if (!url) throw new Error('SMTP_URL is not set (the integration global setup sets it)');
  return url;
}

describe('MailpitClient on the shared Mailpit', () => {
  const mailpit = MailpitClient.fromEnvironment();
  const transport = createTransport(smtpUrl());

  afterAll(() => transport.close());

  it('reads back a confirmation sent over SMTP: subject, text and the .ics attachment', async () => {
    const to = uniqueAddress('patient');
    await transport.sendMail({
      from: 'Riverside Clinic <visits@clinic.test>',
      to: `Ada Lovelace <${to}>`,
      subject: 'Your video visit on 12 March at 15:00',
      text: 'Your visit is booked. The invitation is attached.',
      attachments: [
        { filename: 'visit.ics', content: ICS, contentType: 'text/calendar; method=REQUEST' },
      ],
    });

    const [summary, ...more] = await mailpit.waitForMessagesTo(to, 1);
    expect(more).toEqual([]);
    expect(summary).toMatchObject({
      Subject: 'Your video visit on 12 March at 15:00',
      To: [{ Name: 'Ada Lovelace', Address: to }],
      From: { Name: 'Riverside Clinic', Address: 'visits@clinic.test' },
      Attachments: 1,
    });

    const message = await mailpit.message(summary!.ID);
    expect(message.Text.trim()).toBe('Your visit is booked. The invitation is attached.');
    expect(message.Attachments).toEqual([
      expect.objectContaining({ FileName: 'visit.ics', ContentType: 'text/calendar' }),
    ]);
    expect(await mailpit.attachment(summary!.ID, message.Attachments[0]!.PartID)).toBe(ICS);
    expect((await mailpit.headers(summary!.ID))['Subject']).toEqual([
      'Your video visit on 12 March at 15:00',
    ]);
  });

  it('counts only the exact address, not another one that contains it', async () => {
    const ann = uniqueAddress('ann');
    const joann = `jo${ann}`;
    await transport.sendMail({ from: 'visits@clinic.test', to: joann, subject: 'For Joann' });
    await transport.sendMail({ from: 'visits@clinic.test', to: ann, subject: 'For Ann, first' });
    await transport.sendMail({ from: 'visits@clinic.test', to: ann, subject: 'For Ann, second' });

    const toAnn = await mailpit.waitForMessagesTo(ann, 2);
    expect(toAnn.map((m) => m.Subject)).toEqual(['For Ann, first', 'For Ann, second']);
    await mailpit.waitForMessagesTo(joann, 1);
    expect(await mailpit.countTo(joann)).toBe(1);
  });

  it('fails the wait naming what did arrive when too few messages come', async () => {
    const to = uniqueAddress('caregiver');
    await transport.sendMail({ from: 'visits@clinic.test', to, subject: 'Only one' });
    await mailpit.waitForMessagesTo(to, 1);

    await expect(mailpit.waitForMessagesTo(to, 2, { timeoutMs: 300 })).rejects.toThrow(
      `2 message(s) to ${to} expected within 300 ms; 1 arrived: "Only one"`,
    );
  });
});

describe('a private Mailpit with chaos', () => {
  let mailpit: PrivateMailpit;

  beforeAll(async () => {
    mailpit = await startPrivateMailpit();
  });

  afterAll(() => mailpit?.stop());

  it('refuses the recipient with 451 while chaos is set, and accepts again after clearChaos', async () => {
    const to = uniqueAddress('interpreter');
    const transport = createTransport(mailpit.smtpUrl);
    const mail = { from: 'visits@clinic.test', to, subject: 'Interpreter needed at 15:00' };

    await mailpit.client.setChaos({ recipient: { errorCode: 451, probability: 100 } });
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    expect(await mailpit.client.countTo(to)).toBe(0);

    await mailpit.client.clearChaos();
    await transport.sendMail(mail);
    const [received] = await mailpit.client.waitForMessagesTo(to, 1);
    expect(received?.Subject).toBe('Interpreter needed at 15:00');
    transport.close();
  });

  it('stops: its SMTP port and API no longer answer', async () => {
    const own = await startPrivateMailpit();
    await own.stop();

    await expect(fetch(`${own.apiUrl}/readyz`)).rejects.toThrow();
    await expect(createTransport(own.smtpUrl).verify()).rejects.toMatchObject({
      code: 'ESOCKET',
    });
  });
});
