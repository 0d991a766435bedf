import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_SERVICES, RunningPlatform } from '@thc/testing';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const WEB_SERVER_MAIN = join(ROOT, 'dist/apps/web/server/apps/web/server/main.js');

/**
 * The web app's server as deployed: the built pages, and /svc proxied to the running
 * services. Development sign-in signs with the test run's keys, which the services trust.
 */
export class RunningWebServer {
  private process?: ChildProcess;

  /**
   * `port` may be chosen before the platform starts (freePort), so sessions can be told the
   * join page's address (SESSIONS_JOIN_BASE_URL) and its links open the web app. `env` adds to
   * the server's environment, e.g. the identity provider's WEB_OIDC_*: with an issuer set, the
   * development sign-in is off, as where a health system's provider signs staff in.
   */
  constructor(
    private readonly platform: RunningPlatform,
    private readonly logDir: string,
    private port?: number,
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  get url(): string {
    if (this.port === undefined) throw new Error('the web server has not started');
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!existsSync(WEB_SERVER_MAIN))
      throw new Error(`${WEB_SERVER_MAIN} is missing: build the web app first (nx build web)`);
    this.port ??= await freePort();
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(join(this.logDir, 'web.log'), { flags: 'a' });
    const services = Object.fromEntries(
      PLATFORM_SERVICES.map((name) => [
        `${name.toUpperCase().replace('-', '_')}_URL`,
        this.platform.url(name),
      ]),
    );
    this.process = spawn(join(ROOT, 'node_modules/.bin/node'), [WEB_SERVER_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...services,
        PORT: String(this.port),
        WEB_DEV_SIGN_IN: this.env['WEB_OIDC_ISSUER'] ? 'off' : 'on',
        THC_AUTH_DIR: process.env['THC_TEST_AUTH_DIR'] ?? join(ROOT, 'tmp', 'test-auth'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.pipe(log);
    this.process.stderr?.pipe(log);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the web server did not answer; log: ${join(this.logDir, 'web.log')}`);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  }
}
