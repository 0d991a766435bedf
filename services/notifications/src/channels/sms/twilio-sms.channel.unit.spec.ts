import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { TwilioSmsChannel } from './twilio-sms.channel';
import type { TwilioSettings } from './twilio.settings';

const ACCOUNT = `AC${'0'.repeat(31)}1`;
const TOKEN = 'auth-token-for-tests';
const SERVICE = `MG${'0'.repeat(31)}2`;
const TO = '+15005550006';

/**
 * The SDK's own extension point for its HTTP layer: every request the SDK builds for
 * api.twilio.com goes, unchanged but for the origin, to a local stand-in for the REST API.
 */
class LocalTwilioApi extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ timeout: 1000 });
  }

  override request<T>(opts: RequestClient.RequestOptions<T>) {
    const uri = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.origin}${uri.pathname}${uri.search}` });
  }
}

interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly form: Record<string, string>;
}

type Answer = (res: ServerResponse) => void;

const json =
  (status: number, body: unknown): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

/** Twilio's classic error body, as its API returns it (the message quotes the number). */
const twilioError = (status: number, code: number, message: string) =>
  json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

describe('TwilioSmsChannel (the SDK against a local stand-in for the Twilio API)', () => {
  let server: Server;
  let origin: string;
  let answer: Answer;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          authorization: req.headers.authorization,
          form: Object.fromEntries(new URLSearchParams(body)),
        });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
    answer = json(201, { sid: 'SM00000000000000000000000000000001', status: 'queued', to: TO });
  });

  function channel(
    sender: TwilioSettings['sender'] = { messagingServiceSid: SERVICE },
    publicUrl: string | null = 'https://notify.example.org/',
    api = origin,
  ): TwilioSmsChannel {
    return new TwilioSmsChannel({
      twilio: { accountSid: ACCOUNT, authToken: TOKEN, sender },
      ...(publicUrl ? { publicUrl } : {}),
      httpClient: new LocalTwilioApi(api),
    });
  }

  it('creates the message with the account credentials, the service and the status callback', async () => {
    const result = await channel().send({
      messageId: 'm-1',
      to: TO,
      body: 'Your visit starts in 15 minutes.',
    });

    expect(result).toEqual({
      outcome: 'sent',
      providerMessageId: 'SM00000000000000000000000000000001',
    });
    expect(received).toEqual([
      {
        method: 'POST',
        path: `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`,
        authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
        form: {
          To: TO,
          Body: 'Your visit starts in 15 minutes.',
          MessagingServiceSid: SERVICE,
          StatusCallback: 'https://notify.example.org/api/v1/sms/status?messageId=m-1',
        },
      },
    ]);
  });

  it('sends from the configured number, and asks for no delivery reports without a public URL', async () => {
    await channel({ from: '+15005550001' }, null).send({ messageId: 'm-2', to: TO, body: 'Hi' });

    expect(received[0]?.form).toEqual({ To: TO, Body: 'Hi', From: '+15005550001' });
  });

  it.each([
    [
      'invalid number',
      twilioError(400, 21211, `The 'To' number ${TO} is not a valid phone number.`),
      { outcome: 'rejected', detail: "Twilio 21211: invalid 'To' number", providerCode: '21211' },
    ],
    [
      'recipient replied STOP',
      twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
      {
        outcome: 'rejected',
        detail: 'Twilio 21610: recipient has opted out (replied STOP)',
        providerCode: '21610',
        optedOut: true,
      },
    ],
    [
      'not a mobile number',
      twilioError(400, 21614, `'To' number ${TO} is not a valid mobile number`),
      {
        outcome: 'rejected',
        detail: "Twilio 21614: 'To' number is not a mobile number",
        providerCode: '21614',
      },
    ],
    [
      'wrong credentials',
      twilioError(401, 20003, 'Authenticate'),
      {
        outcome: 'transient',
        detail:
          'Twilio HTTP 401 code 20003: credentials refused (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)',
      },
    ],
    [
      'rate limited',
      twilioError(429, 20429, 'Too Many Requests'),
      { outcome: 'transient', detail: 'Twilio HTTP 429 code 20429: rate limited' },
    ],
    [
      'gateway error without a JSON body',
      (res: ServerResponse) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<html>Service Unavailable</html>');
      },
      { outcome: 'transient', detail: 'Twilio HTTP 503: gateway error' },
    ],
    [
      'our sender cannot send SMS (an operator problem, not the recipient)',
      twilioError(
        400,
        21606,
        "The 'From' phone number provided is not a valid message-capable Twilio phone number.",
      ),
      { outcome: 'transient', detail: 'Twilio HTTP 400 code 21606: request refused' },
    ],
    [
      'an RFC 9457 problem body',
      json(400, {
        type: 'https://www.twilio.com/docs/errors/21211',
        title: 'Invalid To number',
        status: 400,
        code: 21211,
        detail: `The 'To' number ${TO} is not valid`,
      }),
      { outcome: 'rejected', detail: "Twilio 21211: invalid 'To' number", providerCode: '21211' },
    ],
  ])('maps %s', async (_case, reply, expected) => {
    answer = reply;

    const result = await channel().send({ messageId: 'm-3', to: TO, body: 'Hi' });

    expect(result).toEqual(expected);
    expect(JSON.stringify(result)).not.toContain(TO);
  });

  it('reports a stalled API as transient once the request times out', async () => {
    answer = () => undefined;

    const result = await channel().send({ messageId: 'm-4', to: TO, body: 'Hi' });

    expect(result).toEqual({ outcome: 'transient', detail: 'Twilio unreachable (ECONNABORTED)' });
  });

  it('reports a refused connection as transient', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await channel(undefined, null, `http://127.0.0.1:${port}`).send({
      messageId: 'm-5',
      to: TO,
      body: 'Hi',
    });

    expect(result).toEqual({ outcome: 'transient', detail: 'Twilio unreachable (ECONNREFUSED)' });
  });
});
