import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePortBlock } from '../platform/free-port-block';
import { MailpitClient } from './mailpit-client';

const run = promisify(execFile);
const WORKSPACE = join(__dirname, '..', '..', '..', '..');
const READY_TIMEOUT_MS = 30_000;
const LOG_LINES = 40;

/** A Mailpit of one test file's own: its chaos settings disturb no other file. */
export interface PrivateMailpit {
  /** `smtp://127.0.0.1:<port>`, for the code under test. */
  readonly smtpUrl: string;
  readonly smtpPort: number;
  /** `http://127.0.0.1:<port>`: web UI and REST API. */
  readonly apiUrl: string;
  readonly client: MailpitClient;
  /** Stops the server and deletes its database. */
  stop(): Promise<void>;
}

let binary: Promise<string> | undefined;

/**
 * Starts the Mailpit binary that infra/local builds (`infra.sh build mailpit`, cached after
 * the first build) on two free ports of 127.0.0.1, with chaos enabled and a database in a fresh
 * temporary folder. Fails with the end of its log when it exits or is not ready in 30 s.
 */
export async function startPrivateMailpit(): Promise<PrivateMailpit> {
  binary ??= buildMailpit();
  const bin = await binary;
  const dir = await mkdtemp(join(tmpdir(), 'thc-mailpit-'));
  let lastError: unknown;
  // A port found free can be taken before Mailpit binds it; a new pair is then tried.
  for (let attempt = 0; attempt < 3; attempt++) {
    const smtpPort = await freePortBlock(2);
    const httpPort = smtpPort + 1;
    try {
      return await launch(bin, dir, smtpPort, httpPort);
    } catch (error) {
      lastError = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

async function buildMailpit(): Promise<string> {
  const script = join(WORKSPACE, 'infra', 'local', 'infra.sh');
  const { stdout } = await run('bash', [script, 'build', 'mailpit'], {
    cwd: WORKSPACE,
    maxBuffer: 4 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) => {
    binary = undefined;
    throw new Error(`infra.sh build mailpit failed:\n${error.stderr ?? error.message}`);
  });
  return stdout.trim().split('\n').pop() ?? '';
}

async function launch(
  bin: string,
  dir: string,
  smtpPort: number,
  httpPort: number,
): Promise<PrivateMailpit> {
  const child = spawn(
    bin,
    [
      '--smtp',
      `127.0.0.1:${smtpPort}`,
      '--listen',
      `127.0.0.1:${httpPort}`,
      '--database',
      join(dir, 'mailpit.db'),
      '--enable-chaos',
      '--disable-version-check',
      '--smtp-disable-rdns',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - LOG_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // A test that forgets stop() must not leave a server behind its worker.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const apiUrl = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(child, apiUrl, log);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smtpPort,
    apiUrl,
    client: new MailpitClient(apiUrl),
    stop,
  };
}

async function waitReady(child: ChildProcess, apiUrl: string, log: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `private Mailpit exited (${child.exitCode ?? child.signalCode}):\n${log.join('\n')}`,
      );
    }
    const ready = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `private Mailpit not ready within ${READY_TIMEOUT_MS} ms:\n${log.join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
