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
});
