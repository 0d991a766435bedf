import { authSettingsFromEnv } from '@thc/auth';
import { kafkaClientConfigFromEnv } from '@thc/messaging';

/**
 * Settings a production process must not start with, one line per setting, empty outside
 * production. Checked with the rest of the environment, before any connection is opened, so a
 * deployment that still carries development token settings, or talks to Kafka in the clear,
 * never serves a request. The rules themselves live with token verification (@thc/auth) and
 * the Kafka client settings (@thc/messaging), which enforce them again.
 */
export function productionRefusals(raw: Record<string, unknown>): string[] {
  if (raw['NODE_ENV'] !== 'production') return [];
  const read = (name: string) => (typeof raw[name] === 'string' ? raw[name] : undefined);
  return [() => authSettingsFromEnv(read), () => kafkaClientConfigFromEnv(read)].flatMap(
    refusalsOf,
  );
}

function refusalsOf(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (error) {
    // One line per setting; the heading of a multi-line refusal is the caller's to write.
    return (error as Error).message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('Refusing to start'));
  }
}
