import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the tests' Kafka broker and MongoDB-wire server are, and how to release them. */
export interface Infrastructure {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly origin: 'environment' | 'testcontainers' | 'infra-local';
  release(): Promise<void>;
}

const WORKSPACE = join(__dirname, '..', '..', '..', '..');

/**
 * Picks the infrastructure in a fixed order: what the environment names (KAFKA_BROKERS and
 * MONGO_URL), else containers when a Docker engine answers, else the local no-Docker servers
 * of infra/local (started here and stopped on release only if this call started them).
 */
export async function provideInfrastructure(): Promise<Infrastructure> {
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (KAFKA_BROKERS && MONGO_URL) {
    return {
      kafkaBrokers: KAFKA_BROKERS,
      mongoUrl: MONGO_URL,
      origin: 'environment',
      release: () => Promise.resolve(),
    };
  }
  if (await dockerAnswers()) return startContainers();
  return startLocal();
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
  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().withExposedPorts(9093).start(),
    new MongoDBContainer('mongo:8.0').start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    origin: 'testcontainers',
    release: async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}

async function startLocal(): Promise<Infrastructure> {
  const script = join(WORKSPACE, 'infra', 'local', 'infra.sh');
  const alreadyUp = await run('bash', [script, 'status'], { cwd: WORKSPACE }).then(
    () => true,
    () => false,
  );
  if (!alreadyUp) {
    const up = await run('bash', [script, 'up'], {
      cwd: WORKSPACE,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(
        `infra/local up failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`,
      );
    });
    process.stdout.write(up.stdout);
  }
  const kafkaPort = process.env['KAFKA_PORT'] ?? '9092';
  const mongoPort = process.env['MONGO_PORT'] ?? '27017';
  return {
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    mongoUrl: `mongodb://127.0.0.1:${mongoPort}`,
    origin: 'infra-local',
    release: async () => {
      if (alreadyUp || process.env['THC_KEEP_INFRA'] === '1') return;
      await run('bash', [script, 'down'], { cwd: WORKSPACE });
    },
  };
}
