import { randomBytes } from 'node:crypto';
import { Admin, Kafka, logLevel } from 'kafkajs';
import mongoose, { ConnectOptions, Connection } from 'mongoose';

/**
 * A private corner of the shared infrastructure for one test file: database and topic names
 * carry a random suffix, so parallel files never see each other's data or messages.
 */
export class TestNamespace {
  readonly id: string;
  private readonly connections: Connection[] = [];
  private readonly topics = new Set<string>();
  private admin?: Admin;

  constructor(readonly label: string) {
    this.id = `${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  }

  get kafkaBrokers(): string {
    return requireEnv('KAFKA_BROKERS');
  }

  get mongoUrl(): string {
    return requireEnv('MONGO_URL');
  }

  database(name: string): string {
    return `t_${this.id}_${name}`.replace(/-/g, '_');
  }

  /** Prefix for services under test (KAFKA_TOPIC_PREFIX), so their topics land in this namespace. */
  get topicPrefix(): string {
    return `t.${this.id}.`;
  }

  /** Prefix for services under test (MONGO_DB_PREFIX). */
  get databasePrefix(): string {
    return `t_${this.id}_`;
  }

  topic(name: string): string {
    const topic = `t.${this.id}.${name}`;
    this.topics.add(topic);
    return topic;
  }

  group(name: string): string {
    return `g.${this.id}.${name}`;
  }

  kafka(clientId = this.id): Kafka {
    // Plain client on purpose: the testing lib depends on no other project, so that every
    // library's specs can use it without a dependency cycle.
    return new Kafka({ brokers: this.kafkaBrokers.split(','), clientId, logLevel: logLevel.ERROR });
  }

  /** A connection to one of this file's databases; `options` e.g. `{ monitorCommands: true }`. */
  async connect(databaseName: string, options: ConnectOptions = {}): Promise<Connection> {
    const connection = await mongoose
      .createConnection(this.mongoUrl, {
        serverSelectionTimeoutMS: 10000,
        ...options,
        dbName: this.database(databaseName),
      })
      .asPromise();
    this.connections.push(connection);
    return connection;
  }

  /** Creates topics up front so consumers joining at once see their partitions. */
  async createTopics(names: readonly string[], partitions = 3): Promise<void> {
    this.admin ??= this.kafka(`${this.id}-admin`).admin();
    await this.admin.connect();
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    names.forEach((t) => this.topics.add(t));
  }

  /**
   * Drops this file's databases (also those the services under test created under the
   * prefix) and topics. Leftover databases are not only clutter: FerretDB's SQLite backend
   * keeps a file per database and slows down on every operation as their number grows.
   */
  async dispose(): Promise<void> {
    for (const connection of this.connections) {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    }
    await this.dropPrefixedDatabases().catch(() => undefined);
    if (this.admin) {
      await this.admin.deleteTopics({ topics: [...this.topics] }).catch(() => undefined);
      await this.admin.disconnect();
    }
  }

  private async dropPrefixedDatabases(): Promise<void> {
    const connection = await mongoose
      .createConnection(this.mongoUrl, { serverSelectionTimeoutMS: 10000 })
      .asPromise();
    try {
      const admin = connection.db?.admin();
      if (!admin) return;
      const { databases } = await admin.listDatabases({ nameOnly: true });
      for (const { name } of databases.filter((d) => d.name.startsWith(this.databasePrefix)))
        await connection.useDb(name, { useCache: false }).dropDatabase();
    } finally {
      await connection.close();
    }
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through jest's global setup`);
  return value;
}
