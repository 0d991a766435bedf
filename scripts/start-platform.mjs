// `npm start`: installs what is missing, starts the local infrastructure and the five services,
// waits until each answers /health/ready, prints their URLs, and stops everything on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, projectEnv, ROOT, run } from './ensure-dependencies.mjs';

const SERVICES = [
  ['scheduling', 3001],
  ['sessions', 3002],
  ['training', 3003],
  ['compliance-audit', 3004],
  ['analytics', 3005],
];

ensureDependencies();

/** A local master key for per-patient PHI keys, kept across runs so sealed data stays readable. */
function developmentMasterKeys() {
  const file = join(ROOT, '.infra', 'auth', 'phi-master-keys');
  if (!existsSync(file)) {
    mkdirSync(join(ROOT, '.infra', 'auth'), { recursive: true });
    writeFileSync(file, `dev-1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
const infraWasUp = spawnSync('bash', ['infra/local/infra.sh', 'status'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
run('bash', ['infra/local/infra.sh', 'up']);

// A local trace viewer: Zipkin, unless traces are sent elsewhere (OTEL_TRACES_EXPORTER set) or
// THC_TRACE_VIEWER=off. Stopped on Ctrl-C only if this run started it.
const zipkinPort = process.env.ZIPKIN_PORT ?? '9411';
const traceViewer = process.env.OTEL_TRACES_EXPORTER === undefined && process.env.THC_TRACE_VIEWER !== 'off';
const zipkinWasUp =
  traceViewer && spawnSync('bash', ['infra/local/zipkin.sh', 'status'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
if (traceViewer) run('bash', ['infra/local/zipkin.sh', 'up']);
const tracingEnv = traceViewer
  ? {
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: `http://127.0.0.1:${zipkinPort}/api/v2/spans`,
      OTEL_TRACES_SAMPLER: process.env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on',
    }
  : {};
run('nx', ['run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=static']);

const logDir = join(ROOT, '.infra', 'logs');
mkdirSync(logDir, { recursive: true });
// Development tokens are signed with local keys; `npm run -s token` creates them on first use.
run('npm', ['run', '-s', 'token', '--', '--role', 'admin'], { stdio: 'ignore' });
const env = projectEnv({
  PHI_MASTER_KEYS: process.env.PHI_MASTER_KEYS ?? developmentMasterKeys(),
  AUTH_LOCAL_JWKS: process.env.AUTH_LOCAL_JWKS ?? join(ROOT, '.infra', 'auth', 'jwks.json'),
  MONGO_URL: process.env.MONGO_URL ?? `mongodb://127.0.0.1:${process.env.MONGO_PORT ?? 27017}`,
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`,
  ...tracingEnv,
});

run('node', ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/provision-topics.ts'], {
  env: { ...env, TS_NODE_PROJECT: 'tsconfig.base.json' },
});

const children = SERVICES.map(([name, defaultPort]) => {
  const port = Number(process.env[`THC_${name.toUpperCase().replace('-', '_')}_PORT`] ?? defaultPort);
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'node'), [`dist/services/${name}/services/${name}/src/main.js`], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), KAFKA_CLIENT_ID: name, OTEL_SERVICE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); log: ${join(logDir, `${name}.log`)}`);
  });
  return { name, port, child };
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping services...');
  await Promise.all(
    children.map(({ child }) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15000).unref();
    })),
  );
  if (traceViewer && !zipkinWasUp) spawnSync('bash', ['infra/local/zipkin.sh', 'down'], { cwd: ROOT, stdio: 'inherit' });
  if (!infraWasUp) spawnSync('bash', ['infra/local/infra.sh', 'down'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function waitReady({ name, port }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`${name} did not become ready; log: ${join(logDir, `${name}.log`)}`);
  return false;
}

const ready = await Promise.all(children.map(waitReady));
// Demo data through the public APIs, in the background so the services keep logging meanwhile;
// idempotent, so a second start adds nothing. THC_DEMO_DATA=off starts an empty platform.
if (!ready.includes(false) && process.env.THC_DEMO_DATA !== 'off') {
  const urls = Object.fromEntries(
    children.map(({ name, port }) => [`THC_${name.toUpperCase().replace('-', '_')}_URL`, `http://127.0.0.1:${port}`]),
  );
  spawn('npm', ['run', '-s', 'seed:demo'], { cwd: ROOT, stdio: 'inherit', env: { ...env, ...urls } });
}
console.log('\nTelehealth Coordinator is running:');
for (const { name, port } of children) {
  console.log(`  ${name.padEnd(17)} http://127.0.0.1:${port}  (API docs /docs, health /health/ready, metrics /metrics)`);
}
console.log(`  logs              ${logDir}  (JSON lines with trace_id, span_id, correlation_id)`);
if (traceViewer) console.log(`  traces (Zipkin)   http://127.0.0.1:${zipkinPort}/zipkin/`);
console.log(`
Every API except health and metrics needs a bearer token. For a development token:
  TOKEN=$(npm run -s token -- --role coordinator --sub <staff-id>)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3001/docs-json
Roles: patient, provider, coordinator, trainer, auditor, analyst, admin.`);
if (ready.includes(false)) console.log('\nSome services are not ready; see their logs above.');
console.log('\nPress Ctrl-C to stop.');
