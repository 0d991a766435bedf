import { spawnSync } from 'node:child_process';
import { ROOT } from './support/repo-files';

// Starts the analytics service (the one serving public dashboard pages) as a real process, from
// source, with NODE_ENV=production as the image and the Kubernetes ConfigMap set it, and one
// development setting left in. Each must stop the process before it serves anything.
const PRODUCTION = {
  NODE_ENV: 'production',
  MONGO_URL: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
  KAFKA_BROKERS: 'thc-kafka-bootstrap:9093',
  KAFKA_SSL: 'true',
  AUTH_JWKS_URL: 'https://idp.health.example/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.health.example',
  AUTH_AUDIENCE: 'telehealth-coordinator-prod',
  AUTH_ORGANIZATION_ID: 'org-health-example',
  PORT: '39125',
  OTEL_TRACES_EXPORTER: 'none',
};
const REFUSABLE = ['AUTH_LOCAL_JWKS', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'KAFKA_SSL'];

function startAnalytics(env: Record<string, string | undefined>) {
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'services/analytics/src/main.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      // Only what a container would have: nothing inherited from the test run.
      env: Object.fromEntries(
        Object.entries({ PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('a production start with a development setting left in refuses to start, naming it', () => {
  it.each([
    [
      'the local development key set',
      'AUTH_LOCAL_JWKS',
      { AUTH_LOCAL_JWKS: '/run/thc-auth/jwks.json' },
    ],
    ['the default issuer', 'AUTH_ISSUER', { AUTH_ISSUER: undefined }],
    ['the default audience', 'AUTH_AUDIENCE', { AUTH_AUDIENCE: 'telehealth-coordinator' }],
    [
      'a key set fetched over http',
      'AUTH_JWKS_URL',
      { AUTH_JWKS_URL: 'http://idp.health.example/jwks.json' },
    ],
    ['plaintext Kafka', 'KAFKA_SSL', { KAFKA_SSL: undefined }],
  ])(
    'analytics with %s exits with status 1 and names %s, and only it',
    (_case, setting, override) => {
      const { status, output } = startAnalytics({ ...PRODUCTION, ...override });
      expect(status).toBe(1);
      expect(output).toContain('Invalid environment');
      expect(REFUSABLE.filter((name) => output.includes(`  ${name}: `))).toEqual([setting]);
      expect(output).not.toMatch(/listening on/);
    },
    120_000,
  );
});
