import { problemOf } from './api-problem';

export type ServiceName =
  'scheduling' | 'sessions' | 'training' | 'compliance-audit' | 'analytics' | 'notifications';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** The signed-in person's bearer token; the visit page sends its link headers instead. */
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** Accept-Language: the services answer refusals and playbooks in it. */
  readonly language?: string;
  readonly signal?: AbortSignal;
}

/** Where the browser reaches a service: through the web server's proxy, on this origin. */
export const serviceUrl = (service: ServiceName, path: string): string => `/svc/${service}${path}`;

export function requestHeaders(options: RequestOptions): Record<string, string> {
  return {
    accept: 'application/json, application/problem+json',
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.language ? { 'accept-language': options.language } : {}),
    ...options.headers,
  };
}

/**
 * Calls a service's public API. A refusal throws an ApiProblem carrying the service's own
 * explanation; 204 answers undefined.
 */
export async function callApi<T>(
  service: ServiceName,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await fetch(serviceUrl(service, path), {
    method: options.method ?? 'GET',
    headers: requestHeaders(options),
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}
