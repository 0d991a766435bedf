import type {
  ChaosTrigger,
  ChaosTriggers,
  MailHeaders,
  MailMessage,
  MailSummary,
} from './mailpit-messages';

const PAGE = 200;

/** Options of `waitForMessagesTo`. */
export interface WaitForMessagesOptions {
  /** Give up after this long (default 15 s). */
  readonly timeoutMs?: number;
  /** Pause between searches (default 200 ms). */
  readonly intervalMs?: number;
}

/**
 * Reads what reached a Mailpit through its REST API, and makes its SMTP server fail on demand
 * (chaos). Files share one Mailpit, so each reads only the addresses it sends to.
 */
export class MailpitClient {
  private readonly baseUrl: string;

  /** @param baseUrl Mailpit's web/API address, e.g. `http://127.0.0.1:8025`. */
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The run's shared Mailpit, as the global setup names it (MAILPIT_URL). */
  static fromEnvironment(): MailpitClient {
    const url = process.env['MAILPIT_URL'];
    if (!url) throw new Error('MAILPIT_URL is not set (the integration global setup sets it)');
    return new MailpitClient(url);
  }

  /**
   * Every message with `address` among its To recipients, oldest first. Mailpit's `to:` search
   * matches substrings of names and addresses; the result keeps exact address matches only
   * (compared without case), so `ann@x.test` does not also find `joann@x.test`.
   */
  async messagesTo(address: string): Promise<MailSummary[]> {
    const wanted = address.trim().toLowerCase();
    const found: MailSummary[] = [];
    for (let start = 0; ; start += PAGE) {
      const query = new URLSearchParams({
        query: `to:"${wanted}"`,
        start: String(start),
        limit: String(PAGE),
      });
      const page = await this.json<{ messages: MailSummary[]; messages_count: number }>(
        'GET',
        `/api/v1/search?${query}`,
      );
      found.push(...page.messages);
      if (page.messages.length === 0 || start + PAGE >= page.messages_count) break;
    }
    return found
      .filter((m) => (m.To ?? []).some((to) => to.Address.toLowerCase() === wanted))
      .reverse();
  }

  /** How many messages have `address` among their To recipients. */
  async countTo(address: string): Promise<number> {
    return (await this.messagesTo(address)).length;
  }

  /**
   * Polls until at least `count` messages reached `address`, then returns them all, oldest
   * first; fails after the timeout naming what did arrive.
   */
  async waitForMessagesTo(
    address: string,
    count: number,
    { timeoutMs = 15_000, intervalMs = 200 }: WaitForMessagesOptions = {},
  ): Promise<MailSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = await this.messagesTo(address);
      if (messages.length >= count) return messages;
      if (Date.now() >= deadline) {
        const subjects = messages.map((m) => `"${m.Subject}"`).join(', ') || 'none';
        throw new Error(
          `${count} message(s) to ${address} expected within ${timeoutMs} ms; ${messages.length} arrived: ${subjects}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** One message in full: decoded text and HTML bodies, attachments' part ids and types. */
  message(id: string): Promise<MailMessage> {
    return this.json('GET', `/api/v1/message/${encodeURIComponent(id)}`);
  }

  /** Every header of a message as sent (e.g. `Content-Language`, `Auto-Submitted`). */
  headers(id: string): Promise<MailHeaders> {
    return this.json('GET', `/api/v1/message/${encodeURIComponent(id)}/headers`);
  }

  /** An attachment's content, decoded, as text (an .ics, a CSV). */
  async attachment(id: string, partId: string): Promise<string> {
    const path = `/api/v1/message/${encodeURIComponent(id)}/part/${encodeURIComponent(partId)}`;
    return (await this.request('GET', path)).text();
  }

  /** The message source exactly as received over SMTP. */
  async raw(id: string): Promise<string> {
    return (await this.request('GET', `/api/v1/message/${encodeURIComponent(id)}/raw`)).text();
  }

  /**
   * Makes the SMTP server fail: e.g. `{ recipient: { errorCode: 451, probability: 100 } }`
   * refuses every RCPT TO with 451. Triggers left out are switched off. Mailpit must run with
   * chaos enabled, and the setting holds for every client of that Mailpit: a file that injects
   * failures uses its own (`startPrivateMailpit`).
   */
  async setChaos(triggers: ChaosTriggers): Promise<void> {
    const body: Record<string, { ErrorCode: number; Probability: number }> = {};
    const put = (name: string, trigger: ChaosTrigger | undefined) => {
      if (trigger) body[name] = { ErrorCode: trigger.errorCode, Probability: trigger.probability };
    };
    put('Sender', triggers.sender);
    put('Recipient', triggers.recipient);
    put('Authentication', triggers.authentication);
    await this.request('PUT', '/api/v1/chaos', body);
  }

  /** Switches every chaos trigger off. */
  async clearChaos(): Promise<void> {
    await this.request('PUT', '/api/v1/chaos', {});
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.request(method, path, body)).json()) as T;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      const text = (await response.text()).trim();
      throw new Error(`Mailpit ${method} ${path} answered ${response.status}: ${text}`);
    }
    return response;
  }
}
