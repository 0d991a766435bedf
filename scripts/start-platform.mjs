// `npm start`: installs what is missing, starts the local infrastructure and the five services,
// waits until each answers /health/ready, prints everything a person can open (with development
// tokens for the roles that need one), loads the demo data, and stops everything on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ensureDependencies, projectEnv, ROOT, run } from './ensure-dependencies.mjs';
import { outputWidth, table, withoutPassword } from './platform-links.mjs';

const SERVICES = [
  ['scheduling', 3001],
  ['sessions', 3002],
  ['training', 3003],
  ['compliance-audit', 3004],
  ['analytics', 3005],
];

const startedAt = Date.now();
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
// Without a terminal on stdin, Nx asks nothing (on a first run it would stop and ask whether to
// share usage data, and write the answer into nx.json).
run('nx', ['run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=static'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});

const logDir = join(ROOT, '.infra', 'logs');
mkdirSync(logDir, { recursive: true });
// Development tokens for the printed links, signed with the local keys (created on first use,
// before the services read the public half).
const tokens = JSON.parse(
  run('node', ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/dev-tokens.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).stdout,
);
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

// On a terminal the demo data redraws its progress line in place; a message written meanwhile
// starts on a clean line instead of after it.
const say = (line) => console.error(`${process.stdout.isTTY ? '\r\x1b[2K' : ''}${line}`);

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
    if (!stopping) say(`${name} exited (${signal ?? code}); log: ${join(logDir, `${name}.log`)}`);
  });
  return { name, port, url: `http://127.0.0.1:${port}`, child };
});
const url = Object.fromEntries(children.map(({ name, url }) => [name, url]));

let stopping = false;
let seed;
async function stop() {
  if (stopping) return;
  stopping = true;
  // The demo data first, so what it did is printed before the services go (it is idempotent: a
  // later run finishes it). Ctrl-C has already reached it; SIGINT again is harmless.
  if (seed && seed.exitCode === null && seed.signalCode === null) {
    const exited = new Promise((resolve) => seed.once('exit', resolve));
    seed.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
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
  say(`${name} did not become ready; log: ${join(logDir, `${name}.log`)}`);
  return false;
}

/** A path as the person who ran `npm start` can type it from where they are. */
function shown(path) {
  const from = relative(process.env.INIT_CWD ?? process.cwd(), path);
  return from && !from.startsWith('..') && !isAbsolute(from) ? from : path;
}

/**
 * Everything a person can open, one row each: what, where, and a note. A component that
 * serves something to open adds its row here, e.g. a web app or a mail viewer:
 *   ['Web app', 'http://127.0.0.1:4200/', 'patients and staff'],
 */
function openable() {
  return [
    ['Analytics dashboard', `${url.analytics}/dashboard`, 'for analysts; signed-in link below'],
    ...children.map(({ name, url }) => [`API docs: ${name}`, `${url}/docs`, 'also /health/ready, /metrics']),
    traceViewer && ['Traces (Zipkin)', `http://127.0.0.1:${zipkinPort}/zipkin/`, 'a trace per request, across services'],
    ['Kafka', env.KAFKA_BROKERS, 'bootstrap server, topics thc.*'],
    [process.env.MONGO_URL ? 'MongoDB' : 'MongoDB (FerretDB)', withoutPassword(env.MONGO_URL), 'a database per service'],
    ['Logs', join(shown(logDir), '<service>.log'), 'JSON lines: trace_id, correlation_id'],
  ].filter(Boolean);
}

/** Ready-to-use access for the roles that need a token to see anything. */
function access() {
  const file = (role) => shown(tokens[role].file);
  const until = new Date(tokens.analyst.expiresAt);
  const hhmm = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;
  // The demo books the four weeks ahead and the dashboard's range ends today unless told.
  const fourWeeksAhead = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
  const curl = (path) => `curl -H "Authorization: Bearer $T" ${path}`;
  return [
    `Development tokens (local keys, valid until ${hhmm}; in a /docs page: Authorize, paste one):`,
    `  coordinator  T=$(cat ${file('coordinator')})`,
    `               ${curl(`${url.sessions}/api/v1/platform/status`)}`,
    `  admin        T=$(cat ${file('admin')})`,
    `               ${curl(`${url['compliance-audit']}/api/v1/audit/verify`)}`,
    `  other roles  npm run -s token -- --role patient|provider|trainer|auditor [--sub <id>]`,
    `  analyst      the dashboard, signed in (the token stays in the URL fragment, never sent):`,
    `${url.analytics}/dashboard#token=${tokens.analyst.token}&to=${fourWeeksAhead}`,
  ].join('\n');
}

function printWhatToOpen(headline) {
  console.log(`\n${headline}\n\n${table(openable(), { width: outputWidth() })}\n\n${access()}\n`);
}

const ready = await Promise.all(children.map(waitReady));
const seconds = (ms) => (ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`);
const demo = !ready.includes(false) && process.env.THC_DEMO_DATA !== 'off';
printWhatToOpen(
  ready.includes(false)
    ? 'Telehealth Coordinator started, but some services are not ready (see above):'
    : `Telehealth Coordinator is ready (${seconds(Date.now() - startedAt)}). What you can open:`,
);
if (!demo) {
  if (process.env.THC_DEMO_DATA !== 'off') console.log('No demo data: it needs every service ready.');
  console.log('Press Ctrl-C to stop.');
}
else {
  // Demo data through the public APIs, while the services keep running; idempotent, so a
  // second start adds nothing. THC_DEMO_DATA=off starts an empty platform.
  console.log('Loading demo data (THC_DEMO_DATA=off starts empty); Ctrl-C stops everything.\n');
  const urls = Object.fromEntries(
    children.map(({ name, url }) => [`THC_${name.toUpperCase().replace('-', '_')}_URL`, url]),
  );
  const seedStarted = Date.now();
  seed = spawn(join(ROOT, 'node_modules', '.bin', 'node'), ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/demo/seed-demo.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ...urls },
  });
  seed.on('exit', (code, signal) => {
    if (stopping) return;
    // The seed's own report pushed the table out of sight: it comes again, now with data behind it.
    if (code === 0) printWhatToOpen(`Demo data loaded in ${seconds(Date.now() - seedStarted)}. Telehealth Coordinator is running:`);
    else say(`\nThe demo data stopped early (${signal ?? `exit ${code}`}); \`npm run seed:demo\` carries on from where it stopped.`);
    console.log('Press Ctrl-C to stop.');
  });
}
