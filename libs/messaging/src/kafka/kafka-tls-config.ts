import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

type EnvReader = (name: string) => string | undefined;

/**
 * TLS to the brokers from the environment: KAFKA_SSL=true, KAFKA_SSL_CA_FILE (the cluster CA,
 * e.g. Strimzi's `<cluster>-cluster-ca-cert`), and for mutual TLS KAFKA_SSL_CERT_FILE with
 * KAFKA_SSL_KEY_FILE (e.g. the `user.crt` / `user.key` of a Strimzi KafkaUser with tls
 * authentication). Certificates are always verified: there is no setting to turn that off.
 * Undefined when TLS is not asked for.
 */
export function kafkaTlsFromEnv(read: EnvReader): true | ConnectionOptions | undefined {
  const caFile = read('KAFKA_SSL_CA_FILE');
  const certFile = read('KAFKA_SSL_CERT_FILE');
  const keyFile = read('KAFKA_SSL_KEY_FILE');
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new Error(
      `${certFile ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE'}: mutual TLS needs both KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE`,
    );
  if (read('KAFKA_SSL') !== 'true' && !caFile && !certFile) return undefined;
  if (!caFile && !certFile) return true;
  return {
    ...(caFile ? { ca: [readPem(caFile, 'KAFKA_SSL_CA_FILE')] } : {}),
    ...(certFile && keyFile
      ? {
          cert: readPem(certFile, 'KAFKA_SSL_CERT_FILE'),
          key: readPem(keyFile, 'KAFKA_SSL_KEY_FILE'),
        }
      : {}),
  };
}

function readPem(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
}
