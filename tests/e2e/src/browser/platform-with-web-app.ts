import { RunningPlatform, TestNamespace } from '@thc/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './free-port';
import { RunningWebServer } from './web-server';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface PlatformWithWebApp {
  readonly platform: RunningPlatform;
  readonly web: RunningWebServer;
  readonly logDir: string;
  stop(): Promise<void>;
}

/**
 * The six services as processes and the web server in front of them, as a browser test
 * needs them: join links open the web app's visit page and can be opened all day, and each
 * run has its own link and video signing keys and PHI master key. `env` goes to every
 * service, `sessionsEnv` to sessions, `webEnv` to the web server; `webPort` when it must be
 * known before (an identity provider registers the web app's address).
 */
export async function startPlatformWithWebApp(
  ns: TestNamespace,
  options: {
    readonly webPort?: number;
    readonly env?: Readonly<Record<string, string>>;
    readonly sessionsEnv?: Readonly<Record<string, string>>;
    readonly webEnv?: Readonly<Record<string, string>>;
  } = {},
): Promise<PlatformWithWebApp> {
  const webPort = options.webPort ?? (await freePort());
  const logDir = join(ROOT, 'tmp', 'test-output', 'e2e', ns.id);
  const platform = new RunningPlatform({
    root: ROOT,
    kafkaBrokers: ns.kafkaBrokers,
    mongoUrl: ns.mongoUrl,
    topicPrefix: ns.topicPrefix,
    databasePrefix: ns.databasePrefix,
    logDir,
    env: {
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      PHI_MASTER_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      ...options.env,
    },
    serviceEnv: {
      sessions: {
        SESSIONS_JOIN_BASE_URL: `http://127.0.0.1:${webPort}/join`,
        SESSIONS_LINK_OPENS_MINUTES: '1440',
        SESSIONS_LINK_SIGNING_KEY: randomBytes(32).toString('base64'),
        SESSIONS_VIDEO_SIGNING_KEY: randomBytes(32).toString('base64'),
        ...options.sessionsEnv,
      },
    },
  });
  await platform.start();
  const web = new RunningWebServer(platform, logDir, webPort, options.webEnv);
  await web.start();
  return {
    platform,
    web,
    logDir,
    async stop() {
      await web.stop();
      await platform.stop();
    },
  };
}
