import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the tests' Kafka broker, MongoDB-wire server and Mailpit are, and how to release them. */
export interface Infrastructure {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  /** The SMTP server services send mail to, e.g. `smtp://127.0.0.1:1025` (Mailpit). */
  readonly smtpUrl: string;
  /** Mailpit's web UI and REST API, where tests read what was sent: `http://127.0.0.1:8025`. */
  readonly mailpitUrl: string;
  readonly origin: 'environment' | 'testcontainers' | 'infra-local';
  release(): Promise<void>;
}

type Mail = Pick<Infrastructure, 'smtpUrl' | 'mailpitUrl' | 'release'>;
type LocalComponent = 'kafka' | 'ferretdb' | 'mailpit';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');
const INFRA_SCRIPT = join(WORKSPACE, 'infra', 'local', 'infra.sh');
const MAILPIT_IMAGE = 'axllent/mailpit:v1.33.1';

/**
 * Picks the infrastructure in a fixed order: what the environment names (KAFKA_BROKERS and
 * MONGO_URL, plus SMTP_URL and MAILPIT_URL), else containers when a Docker engine answers, else
 * the local no-Docker servers of infra/local (started here and stopped on release only if this
 * call started them). An environment that names Kafka and MongoDB but no Mailpit gets the local
 * Mailpit of infra/local.
 */
export async function provideInfrastructure(): Promise<Infrastructure> {
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (KAFKA_BROKERS && MONGO_URL) {
    const mail = await mailForEnvironment();
    return { kafkaBrokers: KAFKA_BROKERS, mongoUrl: MONGO_URL, ...mail, origin: 'environment' };
  }
  if (await dockerAnswers()) return startContainers();
  return startLocal();
}

async function mailForEnvironment(): Promise<Mail> {
  const { SMTP_URL, MAILPIT_URL } = process.env;
  if (SMTP_URL && MAILPIT_URL) {
    return { smtpUrl: SMTP_URL, mailpitUrl: MAILPIT_URL, release: () => Promise.resolve() };
  }
  if (SMTP_URL || MAILPIT_URL) {
    // Tests read through MAILPIT_URL what the services sent to SMTP_URL: one without the other
    // would send mail where no test can see it.
    throw new Error('SMTP_URL and MAILPIT_URL name one Mailpit: set both, or neither');
  }
  const { release } = await upLocal(['mailpit']);
  return { ...localMailAddresses(), release };
}

async function dockerAnswers(): Promise<boolean> {
  if (!process.env['DOCKER_HOST'] && !existsSync('/var/run/docker.sock')) return false;
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<Infrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const { GenericContainer, Wait } = await import('testcontainers');
  const [kafka, mongo, mailpit] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().withExposedPorts(9093).start(),
    new MongoDBContainer('mongo:8.0').start(),
    new GenericContainer(MAILPIT_IMAGE)
      .withExposedPorts(1025, 8025)
      // The same settings as infra/local: failures injectable by tests, a whole day kept.
      .withEnvironment({ MP_ENABLE_CHAOS: 'true', MP_MAX_MESSAGES: '50000' })
      .withWaitStrategy(Wait.forHttp('/readyz', 8025).forStatusCode(200))
      .start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    smtpUrl: `smtp://${mailpit.getHost()}:${mailpit.getMappedPort(1025)}`,
    mailpitUrl: `http://${mailpit.getHost()}:${mailpit.getMappedPort(8025)}`,
    origin: 'testcontainers',
    release: async () => {
      await Promise.all([kafka.stop(), mongo.stop(), mailpit.stop()]);
    },
  };
}

async function startLocal(): Promise<Infrastructure> {
  const { release } = await upLocal(['kafka', 'ferretdb', 'mailpit']);
  const kafkaPort = process.env['KAFKA_PORT'] ?? '9092';
  const mongoPort = process.env['MONGO_PORT'] ?? '27017';
  return {
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    mongoUrl: `mongodb://127.0.0.1:${mongoPort}`,
    ...localMailAddresses(),
    origin: 'infra-local',
    release,
  };
}

function localMailAddresses(): Pick<Infrastructure, 'smtpUrl' | 'mailpitUrl'> {
  const smtpPort = process.env['MAILPIT_SMTP_PORT'] ?? '1025';
  const httpPort = process.env['MAILPIT_HTTP_PORT'] ?? '8025';
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailpitUrl: `http://127.0.0.1:${httpPort}` };
}

/**
 * Runs `infra.sh up` for the components and returns how to undo exactly that: release stops
 * only the components that were stopped before, so servers a developer had running (or that
 * another run is starting) stay up. THC_KEEP_INFRA=1 keeps everything running.
 */
async function upLocal(
  components: readonly LocalComponent[],
): Promise<{ release(): Promise<void> }> {
  const states = await componentStates(components);
  const stopped = components.filter((c) => (states.get(c) ?? 'stopped') === 'stopped');
  if (components.some((c) => states.get(c) !== 'running')) {
    const up = await run('bash', [INFRA_SCRIPT, 'up', ...components], {
      cwd: WORKSPACE,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(
        `infra/local up ${components.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`,
      );
    });
    process.stdout.write(up.stdout);
  }
  return {
    release: async () => {
      if (stopped.length === 0 || process.env['THC_KEEP_INFRA'] === '1') return;
      await run('bash', [INFRA_SCRIPT, 'down', ...stopped], { cwd: WORKSPACE });
    },
  };
}

/**
 * What `infra.sh status` says of each component: `running` (ours or another process's),
 * `starting` or `stopped`; its lines start with the component's name and its state.
 */
async function componentStates(
  components: readonly LocalComponent[],
): Promise<Map<string, string>> {
  // status exits 3 when any component is not up; its lines are wanted either way.
  const { stdout } = await run('bash', [INFRA_SCRIPT, 'status', ...components], {
    cwd: WORKSPACE,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return new Map(
    stdout.split('\n').map((line) => {
      const [name = '', state = ''] = line.trim().split(/\s+/);
      return [name, state] as const;
    }),
  );
}
