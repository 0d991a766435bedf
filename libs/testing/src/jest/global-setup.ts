import { join } from 'node:path';
import { provideInfrastructure } from '../infra/infrastructure';
import { provideTestAuthKeys } from './test-auth-keys';

/**
 * Integration tests share one broker, one database server and one Mailpit per run; each test
 * file then works in its own topics and databases (see testNamespace) and sends mail to its own
 * addresses, so files can run in parallel.
 * Environment variables set here are inherited by the Jest workers.
 */
export default async function globalSetup(): Promise<void> {
  await provideTestAuthKeys(join(__dirname, '..', '..', '..', '..'));
  const infra = await provideInfrastructure();
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers;
  process.env['MONGO_URL'] = infra.mongoUrl;
  process.env['SMTP_URL'] = infra.smtpUrl;
  process.env['MAILPIT_URL'] = infra.mailpitUrl;
  (globalThis as { __thcInfra?: typeof infra }).__thcInfra = infra;
  process.stdout.write(
    `\nintegration infrastructure: ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl},` +
      ` smtp ${infra.smtpUrl}, mailpit ${infra.mailpitUrl})\n`,
  );
}
