// `npm start`: installs what is missing, starts the local infrastructure and the six services,
// writes the demo's months of history into the services' stores (before they start: the history
// refuses to be written while their relays run), waits until each service answers /health/ready,
// prints everything a person can open (with development tokens for the roles that need one), loads
// the live part of the demo data, and stops everything on Ctrl-C.
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
  ['notifications', 3006],
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

// The demo's past (THC_DEMO_HISTORY_EVENTS over THC_DEMO_HISTORY_MONTHS; 0 = none): written now,
// while no relay runs, with the PHI keys the services get. A second start finds it in place. A
// failure leaves the platform without a past, not unstarted.
const demoData = process.env.THC_DEMO_DATA !== 'off';
const tsNode = ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register'];
if (demoData) {
  const history = spawnSync(join(ROOT, 'node_modules', '.bin', 'node'), [...tsNode, 'scripts/demo/demo-history.ts', 'seed'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (history.status !== 0) console.error('The demo history was not written (see above); starting without it.');
}
// On a terminal the demo data redraws its progress line in place; a message written meanwhile
// starts on a clean line instead of after it.
const say = (line) => console.error(`${process.stdout.isTTY ? '\r\x1b[2K' : ''}${line}`);

// The web app (patients' visit page, the coordinator console): its server proxies /svc to the
// services and signs local tokens for the people of the demo directory (development sign-in).
const webPort = Number(process.env.THC_WEB_PORT ?? 3000);
const webUrl = `http://127.0.0.1:${webPort}`;
// Every e-mail goes to the local Mailpit (infra.sh starts it with Kafka and FerretDB), which keeps
// it for a person to read; NOTIFICATIONS_SMTP_URL sends it to another server instead.
const mailpitSmtp = `smtp://127.0.0.1:${process.env.MAILPIT_SMTP_PORT ?? '1025'}`;
const mailpitUrl = `http://127.0.0.1:${process.env.MAILPIT_HTTP_PORT ?? '8025'}/`;
const smtpUrl = process.env.NOTIFICATIONS_SMTP_URL ?? mailpitSmtp;
const serviceEnv = {
  // Join links open the web app's visit page.
  sessions: { SESSIONS_JOIN_BASE_URL: process.env.SESSIONS_JOIN_BASE_URL ?? `${webUrl}/join` },
  notifications: { NOTIFICATIONS_SMTP_URL: smtpUrl },
};

const children = SERVICES.map(([name, defaultPort]) => {
  const port = Number(process.env[`THC_${name.toUpperCase().replace('-', '_')}_PORT`] ?? defaultPort);
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'node'), [`dist/services/${name}/services/${name}/src/main.js`], {
    cwd: ROOT,
    env: { ...env, ...serviceEnv[name], PORT: String(port), KAFKA_CLIENT_ID: name, OTEL_SERVICE_NAME: name },
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

const webLog = createWriteStream(join(logDir, 'web.log'), { flags: 'a' });
const web = spawn(join(ROOT, 'node_modules', '.bin', 'node'), ['dist/apps/web/server/apps/web/server/main.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PATH: env.PATH,
    PORT: String(webPort),
    WEB_DEV_SIGN_IN: 'on',
    THC_AUTH_DIR: join(ROOT, '.infra', 'auth'),
    ...Object.fromEntries(children.map(({ name, url }) => [`${name.toUpperCase().replace('-', '_')}_URL`, url])),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
web.stdout.pipe(webLog);
web.stderr.pipe(webLog);
web.on('exit', (code, signal) => {
  if (!stopping) say(`the web app exited (${signal ?? code}); log: ${join(logDir, 'web.log')}`);
});

let stopping = false;
let seed;
let catchUp;
async function stop() {
  if (stopping) return;
  stopping = true;
  catchUp?.kill('SIGINT');
  // The demo data first, so what it did is printed before the services go (it is idempotent: a
  // later run finishes it). Ctrl-C has already reached it; SIGINT again is harmless.
  if (seed && seed.exitCode === null && seed.signalCode === null) {
    const exited = new Promise((resolve) => seed.once('exit', resolve));
    seed.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  console.log('\nstopping services...');
  await Promise.all(
    [...children, { child: web }].map(({ child }) => new Promise((resolve) => {
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
    ['Coordinator console', `${webUrl}/sign-in`, 'sign in as a coordinator, provider or analyst of the demo (local sign-in)'],
    ['Patient visit page', `${webUrl}/join#<link>`, 'opened from a join link; one is printed below once the demo is loaded'],
    ['Analytics dashboard', `${url.analytics}/dashboard`, 'for analysts; signed-in link below'],
    ...children.map(({ name, url }) => [`API docs: ${name}`, `${url}/docs`, 'also /health/ready, /metrics']),
    traceViewer && ['Traces (Zipkin)', `http://127.0.0.1:${zipkinPort}/zipkin/`, 'a trace per request, across services'],
    smtpUrl === mailpitSmtp && ['Mailpit', mailpitUrl, 'every e-mail the platform sends'],
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

const ready = await Promise.all([...children, { name: 'web', port: webPort }].map(waitReady));
const seconds = (ms) => (ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`);
const demo = !ready.includes(false) && demoData;
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
  // The history's backlog is published and read first by the services' own reactions (a live
  // visit's session is created from its booking, behind the backlog); then the live part goes
  // through the public APIs while the audit trail and analytics still read the past.
  console.log('Loading demo data (THC_DEMO_DATA=off starts empty); Ctrl-C stops everything.\n');
  catchUp = spawn(join(ROOT, 'node_modules', '.bin', 'node'), [...tsNode, 'scripts/demo/demo-history.ts', 'catch-up'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env,
  });
  // Its lines go above the live seed's progress line, never into it.
  for (const stream of [catchUp.stdout, catchUp.stderr])
    stream.setEncoding('utf8').on('data', (text) => text.split('\n').filter(Boolean).forEach((line) => say(line)));
  let live = false;
  const startLive = () => {
    if (live || stopping) return;
    live = true;
    seedLive();
  };
  catchUp.on('message', (message) => message === 'reactions' && startLive());
  catchUp.on('exit', startLive);
}

/**
 * The live part of the demo through the public APIs, while the services keep running: what a
 * history cannot hold (visits happening now, bookings ahead). Idempotent, so a second start adds
 * nothing. With a history the past is there already, so fewer patients are booked ahead
 * (THC_DEMO_PATIENTS, 300 then), which keeps the whole demo within minutes on two cores.
 */
function seedLive() {
  const urls = Object.fromEntries(
    children.map(({ name, url }) => [`THC_${name.toUpperCase().replace('-', '_')}_URL`, url]),
  );
  const withHistory = Number(process.env.THC_DEMO_HISTORY_EVENTS ?? 1) > 0 && Number(process.env.THC_DEMO_HISTORY_MONTHS ?? 1) > 0;
  const patients = process.env.THC_DEMO_PATIENTS ?? (withHistory ? '300' : undefined);
  const seedStarted = Date.now();
  seed = spawn(join(ROOT, 'node_modules', '.bin', 'node'), [...tsNode, 'scripts/demo/seed-demo.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ...urls, ...(patients ? { THC_DEMO_PATIENTS: patients } : {}) },
  });
  seed.on('exit', (code, signal) => {
    if (stopping) return;
    // The seed's own report pushed the table out of sight: it comes again, now with data behind it.
    if (code === 0) {
      printWhatToOpen(`Demo data loaded in ${seconds(Date.now() - seedStarted)} (${seconds(Date.now() - startedAt)} since start). Telehealth Coordinator is running:`);
      printPatientLink();
      printDemoMessages(patients);
    }
    else say(`\nThe demo data stopped early (${signal ?? `exit ${code}`}); \`npm run seed:demo\` carries on from where it stopped.`);
    console.log('Press Ctrl-C to stop.');
  });
}

/** Where the demo patients' messages are (Mailpit), and how many patients have contact points. */
function printDemoMessages(patients) {
  const lines = spawnSync(join(ROOT, 'node_modules', '.bin', 'node'), [...tsNode, 'scripts/demo/demo-messages.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      NOTIFICATIONS_SMTP_URL: smtpUrl,
      ...(smtpUrl === mailpitSmtp ? { MAILPIT_URL: mailpitUrl } : {}),
      ...(patients ? { THC_DEMO_PATIENTS: patients } : {}),
    },
    encoding: 'utf8',
  });
  if (lines.status === 0) console.log(`${lines.stdout.trim()}\n`);
  else say(`No summary of the demo's messages: ${lines.stderr.trim()}`);
}

/** A patient's join link for a demo visit of today whose link opens now: the visit page as a patient opens it. */
function printPatientLink() {
  const link = spawnSync(join(ROOT, 'node_modules', '.bin', 'node'), [...tsNode, 'scripts/demo/demo-join-link.ts'], {
    cwd: ROOT,
    env: { ...env, WEB_URL: webUrl, SESSIONS_URL: url.sessions },
    encoding: 'utf8',
  });
  if (link.status === 0) console.log(`A patient's join link (a demo visit of today; the link is the patient's credential):\n${link.stdout.trim()}\n`);
  else say(`No patient join link to show: ${link.stderr.trim()}`);
}
