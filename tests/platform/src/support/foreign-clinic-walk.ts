import type { OpenAPIV3 } from 'openapi-types';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One documented operation, ready to call: its path and body filled with the given ids. */
export interface PreparedCall {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/**
 * Every documented operation of a service as a call about the records `ids` name: each
 * example id of the document (path, required query and body examples) is replaced by the id of
 * the same name in `ids`, so the call reaches a real record of the clinic under test.
 * `exampleIds` is the service's `EXAMPLE_ID` (name → example value).
 */
export function prepareCalls(
  document: OpenAPIV3.Document,
  base: string,
  exampleIds: Readonly<Record<string, string>>,
  ids: Readonly<Record<string, string>>,
): PreparedCall[] {
  const swap = replacer(exampleIds, ids);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      if (!operation) return [];
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      const filled = parameters
        .filter((p) => p.in === 'path')
        .reduce(
          (at, p) => at.replace(`{${p.name}}`, encodeURIComponent(swap(String(exampleOf(p))))),
          path,
        );
      const query = parameters
        .filter((p) => p.in === 'query' && p.required && exampleOf(p) !== undefined)
        .map((p) => `${p.name}=${encodeURIComponent(swap(String(exampleOf(p))))}`);
      const body = bodyExample(operation);
      return [
        {
          operation: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          url: `${base}${filled}${query.length > 0 ? `?${query.join('&')}` : ''}`,
          ...(body === undefined ? {} : { body: JSON.parse(swap(JSON.stringify(body))) }),
        },
      ];
    }),
  );
}

function exampleOf(parameter: OpenAPIV3.ParameterObject): unknown {
  const schema = parameter.schema as OpenAPIV3.SchemaObject | undefined;
  return parameter.example ?? schema?.example;
}

function bodyExample(operation: OpenAPIV3.OperationObject): unknown {
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const media = body?.content?.['application/json'] as
    { example?: unknown; examples?: Record<string, { value?: unknown }> } | undefined;
  if (!media) return undefined;
  return media.example ?? Object.values(media.examples ?? {})[0]?.value;
}

/** Replaces each example id in a text by the real id of the same name, where there is one. */
function replacer(
  exampleIds: Readonly<Record<string, string>>,
  ids: Readonly<Record<string, string>>,
): (text: string) => string {
  const pairs = Object.entries(exampleIds).flatMap(([name, example]) =>
    ids[name] === undefined ? [] : [[example, ids[name]] as const],
  );
  return (text) => pairs.reduce((out, [from, to]) => out.split(from).join(to), text);
}

/**
 * The text of an answer; of an event stream, its first message only: the stream stays open, and
 * its first message holds what the caller is shown at that moment.
 */
export async function answerText(response: Response): Promise<string> {
  const stream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  if (!stream || !response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** How a call by someone outside the clinic ended: refused, or answered without its rows. */
export function outcomeOf(
  call: PreparedCall,
  status: number,
  text: string,
  secrets: readonly string[],
): 'refused' | 'filtered' | string {
  if (status === 403 || status === 404) return 'refused';
  if (status >= 200 && status < 300 && call.method === 'GET') {
    const leaked = secrets.filter((secret) => text.includes(secret));
    return leaked.length === 0 ? 'filtered' : `leaked ${leaked.length} of the clinic's ids`;
  }
  return `answered ${status}: ${text.slice(0, 200)}`;
}
