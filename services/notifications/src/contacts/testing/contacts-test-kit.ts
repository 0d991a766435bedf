import { toKafkaHeaders } from '@thc/contracts';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly body: unknown;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    text,
    body: type.includes('json') ? JSON.parse(text) : text,
  };
}

/** A JSON call to the service under test. */
export async function call(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  return answer(
    await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** A form POST, as the SMS gateway sends its webhooks. */
export async function postForm(
  url: string,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answer(
    await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

/** Publishes one event as its producing service would (CloudEvents headers, key = stream). */
export async function publish(
  producer: Producer,
  topic: string,
  event: { type: string; source: string; subject: string; data: object },
): Promise<void> {
  await producer.send({
    topic,
    messages: [
      {
        key: event.subject,
        value: JSON.stringify(event.data),
        headers: toKafkaHeaders({
          id: randomUUID(),
          source: event.source,
          type: event.type,
          subject: event.subject,
          time: new Date().toISOString(),
        }),
      },
    ],
  });
}
