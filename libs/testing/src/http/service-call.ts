/** What a test reads of a service's answer: status, content type, the raw text and the body. */
export interface ServiceAnswer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  /** Parsed when the content type says JSON (problem+json too), else the text. */
  readonly body: unknown;
}

async function answerOf(response: Response): Promise<ServiceAnswer> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    text,
    body: type.includes('json') ? JSON.parse(text) : text,
  };
}

/** A JSON call to the service under test (no body when `body` is undefined). */
export async function callService(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<ServiceAnswer> {
  return answerOf(
    await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** A form POST to the service under test, as gateways send their webhooks. */
export async function postServiceForm(
  url: string,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<ServiceAnswer> {
  return answerOf(
    await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );
}
