import { request as httpRequest, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SERVICES, ServiceName } from './web-settings';

/** Headers that describe one connection, never forwarded across the proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/**
 * What the web host passes on: the services' public surface, the same the public ingress
 * routes (the business API, the FHIR views, the analytics dashboard). Never /docs, /metrics
 * or /health: the web host is public, and these stay inside the cluster.
 */
const PUBLIC_PATH = /^\/(api\/v1|fhir|dashboard)(\/|$)/;

/** `/svc/sessions/api/v1/visit` → `['sessions', '/api/v1/visit']`; anything else → undefined. */
export function proxiedTarget(url: string): [ServiceName, string] | undefined {
  const match = /^\/svc\/([a-z-]+)(\/.*)?$/.exec(url);
  const name = match?.[1] as ServiceName | undefined;
  if (!name || !SERVICES.includes(name)) return undefined;
  const path = match?.[2] ?? '/';
  // Checked as the request to the service will resolve it: `/api/v1/../../docs` is `/docs`.
  const resolved = new URL(path, 'http://service').pathname;
  return PUBLIC_PATH.test(resolved) ? [name, path] : undefined;
}

/**
 * The caller's address as the proxies in front of this server (`trustedHops` of them, the
 * ingress controller in a cluster) saw it, the way Express reads `trust proxy`: counted from the
 * right of X-Forwarded-For plus the connection's own address. The service gets that one address,
 * so its per-caller request limits count patients, not the ingress pods.
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const forwarded = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const addresses = [...chain, request.socket.remoteAddress ?? ''];
  return addresses[Math.max(0, addresses.length - 1 - trustedHops)] ?? '';
}

/**
 * Passes one request to a service and streams the answer back as it comes, so server-sent
 * events reach the browser at once. The browser sees one origin (no CORS), and the services
 * see the caller's own bearer token: the web server holds no authority of its own.
 */
export function proxy(
  name: ServiceName,
  base: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
  trustedHops = 0,
): void {
  const target = new URL(path, `${base}/`);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  headers['x-forwarded-for'] = clientAddress(request, trustedHops);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: request.method, headers }, (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
    response.writeHead(answer.statusCode ?? 502, out);
    response.flushHeaders();
    answer.pipe(response);
  });
  upstream.on('error', () => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(502, { 'content-type': 'application/problem+json' }).end(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: `The ${name} service did not answer; try again in a moment.`,
      }),
    );
  });
  // A browser that goes away (a closed live stream) ends the upstream request too.
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
}
