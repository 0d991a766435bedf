import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaClientConfigFromEnv } from './kafka-client-config';

const env = (values: Record<string, string>) => (name: string) => values[name];

describe('Kafka client configuration from the environment', () => {
  it('splits the broker list and derives the client id', () => {
    const config = kafkaClientConfigFromEnv(
      env({ KAFKA_BROKERS: 'a:9092, b:9092', KAFKA_CLIENT_ID: 'scheduling' }),
      'relay',
    );
    expect(config).toEqual({ clientId: 'scheduling-relay', brokers: ['a:9092', 'b:9092'] });
  });

  it('wires SASL/SCRAM and TLS through for managed clusters', () => {
    const config = kafkaClientConfigFromEnv(
      env({
        KAFKA_BROKERS: 'kafka:9093',
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    );
    expect(config.ssl).toBe(true);
    expect(config.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'svc',
      password: 'secret',
    });
  });

  it('refuses an unknown SASL mechanism by naming the variable', () => {
    expect(() => kafkaClientConfigFromEnv(env({ KAFKA_SASL_MECHANISM: 'kerberos' }))).toThrow(
      'KAFKA_SASL_MECHANISM',
    );
  });

  describe('TLS from files mounted into the pod', () => {
    let dir: string;
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'thc-kafka-tls-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('trusts the cluster CA and presents a client certificate for mutual TLS', () => {
      const config = kafkaClientConfigFromEnv(
        env({
          KAFKA_BROKERS: 'thc-kafka-bootstrap:9093',
          KAFKA_SSL: 'true',
          KAFKA_SSL_CA_FILE: file('ca.crt', 'CLUSTER CA'),
          KAFKA_SSL_CERT_FILE: file('user.crt', 'USER CERT'),
          KAFKA_SSL_KEY_FILE: file('user.key', 'USER KEY'),
        }),
      );
      expect(config.ssl).toEqual({ ca: ['CLUSTER CA'], cert: 'USER CERT', key: 'USER KEY' });
      expect(config.ssl).not.toHaveProperty('rejectUnauthorized');
    });

    it('refuses a client certificate without its key, naming the missing variable', () => {
      expect(() =>
        kafkaClientConfigFromEnv(env({ KAFKA_SSL_CERT_FILE: file('only.crt', 'CERT') })),
      ).toThrow(/^KAFKA_SSL_KEY_FILE: /);
    });

    it('names the variable of a file that cannot be read', () => {
      expect(() =>
        kafkaClientConfigFromEnv(env({ KAFKA_SSL_CA_FILE: join(dir, 'missing.crt') })),
      ).toThrow(/^KAFKA_SSL_CA_FILE: cannot read/);
    });
  });

  it('refuses to talk to Kafka in the clear when NODE_ENV=production', () => {
    expect(() =>
      kafkaClientConfigFromEnv(
        env({
          NODE_ENV: 'production',
          KAFKA_BROKERS: 'thc-kafka-bootstrap:9092',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'analytics',
          KAFKA_SASL_PASSWORD: 'secret',
        }),
      ),
    ).toThrow(/^KAFKA_SSL: must be true in production/);
    expect(kafkaClientConfigFromEnv(env({ NODE_ENV: 'production', KAFKA_SSL: 'true' })).ssl).toBe(
      true,
    );
  });
});
