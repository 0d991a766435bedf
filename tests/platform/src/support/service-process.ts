import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** A free TCP port on loopback, for a service the test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * One service running as its own process from `services/<name>/src/main.ts`, exactly as it
 * starts in production (OpenTelemetry SDK first, then Nest), its output kept for assertions.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private output = '';
  private exit: Promise<number | null> = Promise.resolve(null);
  url = '';

  constructor(
    readonly name: string,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  /** Starts the process on `port`, by default a free one. */
  async start(port?: number): Promise<void> {
    port ??= await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-r',
        'tsconfig-paths/register',
        `services/${this.name}/src/main.ts`,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...this.env,
          PORT: String(port),
          KAFKA_CLIENT_ID: this.name,
          OTEL_SERVICE_NAME: this.name,
          TS_NODE_PROJECT: 'tsconfig.base.json',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const child = this.child;
    const keep = (chunk: Buffer) => (this.output += chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Waits for `/health/ready` to answer 200; fails with the service's output if it does not. */
  async ready(timeoutMs = 120_000): Promise<{ consumers: number }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) break;
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.status === 200) {
          const body = (await response.json()) as { info: { consumers?: { consumers?: number } } };
          return { consumers: body.info.consumers?.consumers ?? 0 };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(
      `${this.name} did not become ready (exit code ${String(this.child?.exitCode)}):\n${this.output.slice(-4000)}`,
    );
  }

  /** Everything the service wrote to stdout and stderr. */
  get logs(): string {
    return this.output;
  }

  /** Sends SIGTERM and resolves with the exit code and how long the process took to exit. */
  async terminate(): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    if (!this.child || this.child.exitCode !== null)
      return { code: this.child?.exitCode ?? null, ms: 0 };
    this.child.kill('SIGTERM');
    const code = await this.exit;
    return { code, ms: Date.now() - started };
  }

  /** Last resort in teardown: a process that ignored SIGTERM is killed. */
  kill(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
