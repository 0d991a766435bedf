import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { DevSignIn, DevSignInError } from './dev-sign-in';
import { applyHeaders, securityHeaders } from './security-headers';
import { proxiedTarget, proxy } from './service-proxy';
import { serveStatic } from './static-files';
import { readWebSettings, WebSettingsError } from './web-settings';

/**
 * The web app's server: the built pages, `/svc/<service>/...` passed to each service with the
 * caller's own token, `/config.json` telling the pages how to sign in, and, only where enabled
 * outside production, the local development sign-in.
 */
function main(): void {
  let settings;
  try {
    settings = readWebSettings(process.env, join(__dirname, '..', '..', '..', '..', 'public'));
  } catch (error) {
    if (error instanceof WebSettingsError) {
      process.stderr.write(`web: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const headers = securityHeaders(settings);
  const devSignIn = settings.devSignIn
    ? new DevSignIn(settings.devSignIn, settings.services.scheduling)
    : undefined;
  const config = JSON.stringify({
    oidc: settings.oidc ?? null,
    devSignIn: devSignIn !== undefined,
  });

  const json = (
    response: ServerResponse,
    status: number,
    body: unknown,
    type = 'application/json',
  ): void => {
    response
      .writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      .end(JSON.stringify(body));
  };
  const problem = (response: ServerResponse, status: number, detail: string): void =>
    json(
      response,
      status,
      { type: 'about:blank', title: 'Request refused', status, detail },
      'application/problem+json',
    );

  async function handleDev(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    if (!devSignIn)
      return problem(response, 404, 'Development sign-in is not enabled on this server.');
    try {
      if (request.method === 'GET' && path === '/dev/roster')
        return json(response, 200, await devSignIn.roster());
      if (request.method === 'POST' && path === '/dev/sign-in')
        return json(response, 200, await devSignIn.signIn(await readJson(request)));
      return problem(response, 404, 'No such development route.');
    } catch (error) {
      if (error instanceof DevSignInError) return problem(response, error.status, error.message);
      return problem(response, 502, `The directory could not be read: ${(error as Error).message}`);
    }
  }

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const target = proxiedTarget(url);
    if (target) {
      const [name, rest] = target;
      return proxy(
        name,
        settings.services[name],
        rest,
        request,
        response,
        settings.trustedProxyHops,
      );
    }
    applyHeaders(response, headers);
    if (path.startsWith('/svc/')) return problem(response, 404, 'No such service.');
    if (path === '/health/live' || path === '/health/ready')
      return json(response, 200, { status: 'ok' });
    if (path === '/config.json') {
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(config);
      return;
    }
    if (path.startsWith('/dev/')) {
      void handleDev(request, response, path);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return problem(response, 405, 'Pages are read with GET.');
    serveStatic(settings.staticDir, request, response);
  });
  // Live streams stay open for the length of a visit.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;
  server.listen(settings.port, settings.host, () => {
    process.stdout.write(`web: listening on http://${settings.host}:${settings.port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new DevSignInError(413, 'the request body is larger than 16 KiB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new DevSignInError(400, 'the body must be JSON');
  }
}

main();
