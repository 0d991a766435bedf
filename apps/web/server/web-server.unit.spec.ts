import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, 'main.ts');

/**
 * The web server as a process, in front of a stand-in for one service (a plain HTTP server that
 * answers what it was asked and streams events): what reaches the service, what the browser
 * gets, and what the server never serves.
 */
describe('the web server', () => {
  let upstream: Server;
  let web: ChildProcess;
  let url: string;
  const seen: { path: string; authorization?: string; host?: string }[] = [];

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      seen.push({
        path: request.url ?? '',
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        ...(request.headers.host ? { host: request.headers.host } : {}),
      });
      if (request.url === '/api/v1/stream') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('event: status\ndata: {"state":"waiting"}\n\n');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const servicePort = (upstream.address() as AddressInfo).port;
    const root = mkdtempSync(join(tmpdir(), 'thc-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'secret.txt'), 'not for the web');
    const port = 20000 + Math.floor(Math.random() * 20000);
    url = `http://127.0.0.1:${port}`;
    web = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', MAIN],
      {
        env: {
          ...process.env,
          PORT: String(port),
          WEB_STATIC_DIR: root,
          SESSIONS_URL: `http://127.0.0.1:${servicePort}`,
        },
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/health/ready`)).ok) return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error('the web server did not start');
  }, 40_000);

  afterAll(async () => {
    web.kill('SIGTERM');
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('passes /svc/<service>/ to that service with the caller’s own token, and nothing else of the path', async () => {
    const answer = await fetch(`${url}/svc/sessions/api/v1/visit?x=1`, {
      headers: { authorization: 'Bearer abc' },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true });
    expect(seen.at(-1)).toMatchObject({ path: '/api/v1/visit?x=1', authorization: 'Bearer abc' });
  });

  it('streams server-sent events through as they come, without waiting for the end', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${url}/svc/sessions/api/v1/stream`, { signal: controller.signal });
    const reader = answer.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"state":"waiting"');
    controller.abort();
  });

  it('answers 502 with an explanation when a service is down, and 404 for an unknown service', async () => {
    const down = await fetch(`${url}/svc/analytics/api/v1/metrics`);
    expect(down.status).toBe(502);
    expect((await down.json()).detail).toContain('analytics');
    expect((await fetch(`${url}/svc/billing/x`)).status).toBe(404);
  });

  it('serves every page of the app from index.html, with a content security policy', async () => {
    const page = await fetch(`${url}/console/today`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${url}/assets/app.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves nothing outside its folder and no development sign-in unless enabled', async () => {
    expect((await fetch(`${url}/..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${url}/assets/..%2F..%2Fsecret.txt`)).status).toBe(404);
    const devSignIn = await fetch(`${url}/dev/sign-in`, { method: 'POST', body: '{}' });
    expect(devSignIn.status).toBe(404);
    expect(await (await fetch(`${url}/config.json`)).json()).toEqual({
      oidc: null,
      devSignIn: false,
    });
  });
});
