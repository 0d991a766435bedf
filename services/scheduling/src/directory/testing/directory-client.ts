// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers as a client does
export type AnswerBody = any;

export interface Answer {
  readonly status: number;
  readonly body: AnswerBody;
}

/** A JSON call to the directory under test. */
export async function send(
  url: string,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
