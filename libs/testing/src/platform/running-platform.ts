import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePortBlock } from './free-port-block';
import { builtEntryPoint, PLATFORM_SERVICES, PlatformService } from './platform-services';

export interface PlatformOptions {
  /** Repository root (where dist/ and node_modules/ are). */
  readonly root: string;
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  /** KAFKA_TOPIC_PREFIX and MONGO_DB_PREFIX, so a run keeps to its own topics and databases. */
  readonly topicPrefix: string;
  readonly databasePrefix: string;
  /**
   * First HTTP port; services take the following ones in PLATFORM_SERVICES order. Default: a
   * block of free ports below the system's ephemeral range, chosen by `start`.
   */
  readonly basePort?: number;
  /** Where each service's log goes (`<service>.log`). */
  readonly logDir: string;
  /**
   * Environment for every service, then per service. Without a per-service value, notifications
   * sends its mail to the SMTP server the test run's global setup names (SMTP_URL), so a test
   * reads what it sent from that Mailpit.
   */
  readonly env?: Readonly<Record<string, string>>;
  readonly serviceEnv?: Partial<Record<PlatformService, Readonly<Record<string, string>>>>;
}

/** What a service takes from the test run's own infrastructure (libs/testing/src/jest/global-setup.ts). */
function runEnvironment(service: PlatformService): Record<string, string> {
  const smtp = process.env['SMTP_URL'];
  return service === 'notifications' && smtp ? { NOTIFICATIONS_SMTP_URL: smtp } : {};
}

interface RunningService {
  readonly name: PlatformService;
  readonly port: number;
  process: ChildProcess;
  log: WriteStream;
}

/**
 * The whole platform as real processes built by Nx, as an operator runs it: each service is
 * its own Node process with its own connections, so a test can kill -9 one mid-stream and
 * start it again. Used by the end-to-end scenario, the fault tests and the platform benchmark.
 */
export class RunningPlatform {
  private readonly services = new Map<PlatformService, RunningService>();
  private basePort?: number;

  constructor(private readonly options: PlatformOptions) {
    this.basePort = options.basePort;
  }

  url(service: PlatformService): string {
    return `http://127.0.0.1:${this.portOf(service)}`;
  }

  pid(service: PlatformService): number | undefined {
    return this.services.get(service)?.process.pid;
  }

  /** Builds the services if their entry points are missing, provisions topics, starts them all. */
  async start(): Promise<void> {
    this.build();
    this.provisionTopics();
    this.basePort ??= await freePortBlock(PLATFORM_SERVICES.length);
    mkdirSync(this.options.logDir, { recursive: true });
    for (const name of PLATFORM_SERVICES) this.spawnService(name);
    await Promise.all(PLATFORM_SERVICES.map((name) => this.waitReady(name)));
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  kill(service: PlatformService): void {
    this.services.get(service)?.process.kill('SIGKILL');
  }

  async restart(service: PlatformService): Promise<void> {
    const running = this.services.get(service);
    if (running && running.process.exitCode === null && running.process.signalCode === null) {
      await this.terminate(running, 'SIGTERM');
    }
    this.spawnService(service);
    await this.waitReady(service);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => this.terminate(s, 'SIGTERM')));
  }

  /**
   * Polls readiness until 200. Fails at once, with the end of its log, if the process exits;
   * after `timeoutMs` with the last answer and the end of its log.
   */
  async waitReady(service: PlatformService, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.readiness(service);
      if (status === 200) return;
      const child = this.services.get(service)?.process;
      const exited = child?.exitCode ?? child?.signalCode;
      if (exited !== null && exited !== undefined) {
        throw new Error(
          `${service} exited (${exited}) before it was ready\n${this.logTail(service)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${service} not ready after ${timeoutMs} ms (last status ${status})\n${this.logTail(service)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  /** The readiness status, `down` when nothing answers within 5 s (a readiness answer takes about 3 s at most). */
  async readiness(service: PlatformService): Promise<number | 'down'> {
    try {
      const response = await fetch(`${this.url(service)}/health/ready`, {
        signal: AbortSignal.timeout(5000),
      });
      return response.status;
    } catch {
      return 'down';
    }
  }

  logPath(service: PlatformService): string {
    return join(this.options.logDir, `${service}.log`);
  }

  /** The last lines of a service's log, for failure messages. */
  logTail(service: PlatformService, lines = 40): string {
    const path = this.logPath(service);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // no log yet
    }
    const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
    return `${path}${tail ? `:\n${tail}` : ' is empty'}`;
  }

  private portOf(service: PlatformService): number {
    if (this.basePort === undefined) throw new Error('the platform has no ports before start()');
    return this.basePort + PLATFORM_SERVICES.indexOf(service);
  }

  private spawnService(name: PlatformService): void {
    const { root } = this.options;
    const log = createWriteStream(this.logPath(name), { flags: 'a' });
    const child = spawn(join(root, 'node_modules', '.bin', 'node'), [builtEntryPoint(name)], {
      cwd: root,
      env: {
        ...process.env,
        ...this.options.env,
        ...runEnvironment(name),
        ...this.options.serviceEnv?.[name],
        PORT: String(this.portOf(name)),
        MONGO_URL: this.options.mongoUrl,
        KAFKA_BROKERS: this.options.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: this.options.topicPrefix,
        MONGO_DB_PREFIX: this.options.databasePrefix,
        KAFKA_CLIENT_ID: name,
        OTEL_SERVICE_NAME: name,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.services.set(name, { name, port: this.portOf(name), process: child, log });
  }

  private terminate(service: RunningService, signal: NodeJS.Signals): Promise<void> {
    const child = service.process;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
  }

  // Always asks Nx: it rebuilds what changed and answers from its cache otherwise. Building
  // only when the output was missing ran a stale build after every code change.
  private build(): void {
    this.runTool('nx', [
      'run-many',
      '-t',
      'build',
      '--projects=tag:type:app',
      '--output-style=static',
    ]);
  }

  private provisionTopics(): void {
    this.runTool(
      'node',
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/provision-topics.ts'],
      { KAFKA_TOPIC_PREFIX: this.options.topicPrefix, KAFKA_BROKERS: this.options.kafkaBrokers },
    );
  }

  private runTool(command: string, args: string[], env: Record<string, string> = {}): void {
    const { root } = this.options;
    const bin = join(root, 'node_modules', '.bin');
    const result = spawnSync(join(bin, command), args, {
      cwd: root,
      env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, NX_DAEMON: 'false', ...env },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
}
