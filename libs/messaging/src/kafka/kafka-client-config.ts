import { KafkaConfig, SASLOptions } from 'kafkajs';
import { kafkaTlsFromEnv } from './kafka-tls-config';

type EnvReader = (name: string) => string | undefined;

/**
 * kafkajs client settings from the environment, so production credentials never live in code:
 * KAFKA_BROKERS (comma-separated), KAFKA_CLIENT_ID, KAFKA_SSL=true, KAFKA_SSL_CA_FILE,
 * KAFKA_SSL_CERT_FILE + KAFKA_SSL_KEY_FILE (mutual TLS), KAFKA_SASL_MECHANISM (plain |
 * scram-sha-256 | scram-sha-512), KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD. With
 * NODE_ENV=production a connection without TLS is refused: events carry patient ids and sealed
 * PHI, and SASL over plaintext would expose the credentials' handshake to the network.
 */
export function kafkaClientConfigFromEnv(
  read: EnvReader = (name) => process.env[name],
  clientSuffix?: string,
): KafkaConfig {
  const brokers = (read('KAFKA_BROKERS') ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const baseId = read('KAFKA_CLIENT_ID') ?? read('OTEL_SERVICE_NAME') ?? 'thc';
  const config: KafkaConfig = {
    clientId: clientSuffix ? `${baseId}-${clientSuffix}` : baseId,
    brokers,
  };
  const ssl = kafkaTlsFromEnv(read);
  if (ssl) config.ssl = ssl;
  else if (read('NODE_ENV') === 'production')
    throw new Error(
      'KAFKA_SSL: must be true in production (set KAFKA_SSL_CA_FILE to the cluster CA)',
    );
  const sasl = saslFromEnv(read);
  if (sasl) config.sasl = sasl;
  return config;
}

function saslFromEnv(read: EnvReader): SASLOptions | undefined {
  const mechanism = read('KAFKA_SASL_MECHANISM');
  if (!mechanism) return undefined;
  const username = read('KAFKA_SASL_USERNAME') ?? '';
  const password = read('KAFKA_SASL_PASSWORD') ?? '';
  switch (mechanism) {
    case 'plain':
    case 'scram-sha-256':
    case 'scram-sha-512':
      return { mechanism, username, password };
    default:
      throw new Error(`KAFKA_SASL_MECHANISM: unsupported value ${mechanism}`);
  }
}
