import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { PrivateMailpit, startPrivateMailpit } from '@thc/testing';
import type { OutgoingEmail } from '../channel';
import { SmtpEmailChannel } from './smtp-email.channel';

const FROM = 'Telehealth Coordinator <no-reply@thc.local>';
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//THC//Notifications//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:visit-1@thc',
  'DTSTAMP:20250301T120000Z',
  'DTSTART:20250310T150000Z',
  'DTEND:20250310T153000Z',
  'SUMMARY:Consulta virtual',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function email(to: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: `msg-${randomUUID()}`,
    to,
    language: 'es',
    subject: 'Su cita está confirmada',
    text: 'Su consulta virtual es el 10 de marzo a las 10:00.',
    html: '<p>Su consulta virtual es el <strong>10 de marzo</strong> a las 10:00.</p>',
    attachments: [
      { filename: 'consulta.ics', content: ICS, contentType: 'text/calendar; method=REQUEST' },
    ],
    ...overrides,
  };
}

const address = () => `patient-${randomUUID()}@example.test`;

describe('SmtpEmailChannel', () => {
  let mailpit: PrivateMailpit;
  let channel: SmtpEmailChannel;

  beforeAll(async () => {
    mailpit = await startPrivateMailpit();
    channel = new SmtpEmailChannel({ smtpUrl: mailpit.smtpUrl, emailFrom: FROM });
  }, 120_000);

  afterAll(async () => {
    channel?.onModuleDestroy();
    await mailpit?.stop();
  });

  afterEach(() => mailpit.client.clearChaos());

  it('delivers the e-mail with its Message-ID, language, both bodies and the .ics', async () => {
    const to = address();
    const sent = email(to);

    const result = await channel.send(sent);

    expect(result).toEqual({
      outcome: 'sent',
      providerMessageId: `<${sent.messageId}@notifications.thc>`,
    });
    const [summary] = await mailpit.client.waitForMessagesTo(to, 1);
    const message = await mailpit.client.message(summary!.ID);
    expect(message.MessageID).toBe(`${sent.messageId}@notifications.thc`);
    expect(message.From?.Address).toBe('no-reply@thc.local');
    expect(message.Subject).toBe('Su cita está confirmada');
    expect(message.Text.trim()).toBe(sent.text);
    expect(message.HTML).toContain('<strong>10 de marzo</strong>');
    expect((await mailpit.client.headers(summary!.ID))['Content-Language']).toEqual(['es']);
    expect(message.Attachments).toEqual([
      expect.objectContaining({ FileName: 'consulta.ics', ContentType: 'text/calendar' }),
    ]);
    const ics = await mailpit.client.attachment(summary!.ID, message.Attachments[0]!.PartID);
    expect(ics.replace(/\r\n/g, '\n')).toBe(ICS.replace(/\r\n/g, '\n'));
  });

  it('sends a repeat of a message with the same Message-ID, so the receiver can tell', async () => {
    const to = address();
    const sent = email(to);

    await channel.send(sent);
    await channel.send(sent);

    const messages = await mailpit.client.waitForMessagesTo(to, 2);
    expect(messages.map((m) => m.MessageID)).toEqual([
      `${sent.messageId}@notifications.thc`,
      `${sent.messageId}@notifications.thc`,
    ]);
  });

  it('reports a 451 to the recipient as transient, with the code and without the address', async () => {
    await mailpit.client.setChaos({ recipient: { errorCode: 451, probability: 100 } });
    const to = address();

    const result = await channel.send(email(to));

    expect(result).toEqual({
      outcome: 'transient',
      detail: expect.stringContaining('SMTP 451 on RCPT TO'),
    });
    expect(JSON.stringify(result)).not.toContain(to);
    await mailpit.client.clearChaos();
    expect(await mailpit.client.countTo(to)).toBe(0);
  });

  it('reports a 550 to the recipient as rejected (a bounce), with the code', async () => {
    await mailpit.client.setChaos({ recipient: { errorCode: 550, probability: 100 } });
    const to = address();

    const result = await channel.send(email(to));

    expect(result).toEqual({
      outcome: 'rejected',
      detail: expect.stringContaining('SMTP 550 on RCPT TO'),
      providerCode: '550',
    });
    expect(JSON.stringify(result)).not.toContain(to);
  });

  it('does not call it a bounce when the relay refuses our sender with a 5xx', async () => {
    await mailpit.client.setChaos({ sender: { errorCode: 553, probability: 100 } });

    const result = await channel.send(email(address()));

    expect(result).toEqual({
      outcome: 'transient',
      detail: expect.stringContaining('SMTP 553 on MAIL FROM'),
    });
  });

  it('works again on the same pool once the server accepts again', async () => {
    await mailpit.client.setChaos({ recipient: { errorCode: 451, probability: 100 } });
    const to = address();
    expect((await channel.send(email(to))).outcome).toBe('transient');

    await mailpit.client.clearChaos();

    expect((await channel.send(email(to))).outcome).toBe('sent');
    await mailpit.client.waitForMessagesTo(to, 1);
  });
});

describe('SmtpEmailChannel against an unreachable or misbehaving server', () => {
  const timeouts = { connectionMs: 1000, greetingMs: 1000, socketMs: 2000, sendMs: 10_000 };
  const opened: { close(): void }[] = [];
  afterAll(() => opened.forEach((o) => o.close()));

  function channelTo(port: number): SmtpEmailChannel {
    const channel = new SmtpEmailChannel(
      { smtpUrl: `smtp://127.0.0.1:${port}`, emailFrom: FROM },
      timeouts,
    );
    opened.push({ close: () => channel.onModuleDestroy() });
    return channel;
  }

  it('reports a refused connection (nothing listening) as transient', async () => {
    const port = await closedPort();

    const result = await channelTo(port).send(email(address()));

    expect(result).toEqual({
      outcome: 'transient',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('gives up on a server that accepts the connection but never greets, within the greeting timeout', async () => {
    const silent = await listen(() => undefined);
    opened.push(silent);
    const started = Date.now();

    const result = await channelTo(silent.port).send(email(address()));

    expect(result).toEqual({ outcome: 'transient', detail: expect.stringContaining('ETIMEDOUT') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("passes a server's reply on without the address it quotes", async () => {
    const to = address();
    // What Postfix answers for an unknown local user.
    const server = await listen(
      scriptedSmtp((command) =>
        command.startsWith('RCPT TO')
          ? `550 5.1.1 <${to}>: Recipient address rejected: User unknown in local recipient table`
          : undefined,
      ),
    );
    opened.push(server);

    const result = await channelTo(server.port).send(email(to));

    expect(result).toEqual({
      outcome: 'rejected',
      detail:
        'SMTP 550 on RCPT TO: 5.1.1 <…>: Recipient address rejected: User unknown in local recipient table',
      providerCode: '550',
    });
  });
});

/** A port nothing listens on: bound once to get a free number, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(
  onConnection: (socket: Socket) => void,
): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

/** A minimal SMTP server: 250 to every command unless `reply` answers it otherwise. */
function scriptedSmtp(reply: (command: string) => string | undefined): (socket: Socket) => void {
  return (socket) => {
    socket.write('220 scripted.test ESMTP\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 2.0.0 queued\r\n');
          }
          continue;
        }
        const command = line.toUpperCase();
        const scripted = reply(command);
        if (scripted) socket.write(`${scripted}\r\n`);
        else if (command.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (command.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  };
}
