import { parse } from 'yaml';
import { readRepoFile } from './support/repo-files';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// No Docker engine runs these tests: they check that the file says what `docker compose up`
// needs to run the platform.
const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as Obj;
const dockerfile = readRepoFile('docker/service.Dockerfile');
const services = compose['services'] as Record<string, Obj>;
const PORTS = {
  scheduling: 3001,
  sessions: 3002,
  training: 3003,
  'compliance-audit': 3004,
  analytics: 3005,
  notifications: 3006,
} as const;
const DEPENDENCIES = {
  kafka: { condition: 'service_healthy' },
  mongodb: { condition: 'service_healthy' },
  'otel-collector': { condition: 'service_started' },
};
// What every service refuses to start without, and what sends its traces to the collector.
const REQUIRED_ENV = [
  'MONGO_URL',
  'KAFKA_BROKERS',
  'AUTH_LOCAL_JWKS',
  'OTEL_SERVICE_NAME',
  'OTEL_TRACES_EXPORTER',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'PORT',
  'KAFKA_CLIENT_ID',
];

describe('docker-compose.yml runs the whole platform', () => {
  it('has Kafka in KRaft mode, MongoDB as a replica set of one, Jaeger and an OTel Collector', () => {
    expect(services['kafka']!['environment']).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: expect.stringContaining('@kafka:9093'),
    });
    expect(services['kafka']!['healthcheck']).toBeDefined();
    expect(services['mongodb']!['command']).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(services['mongodb']!['healthcheck'].test.join(' ')).toContain('rs.initiate');
    expect(services['jaeger']!['image']).toMatch(/^jaegertracing\/jaeger:2\./);
    expect(services['otel-collector']!['volumes'][0]).toContain(
      'infra/observability/otel-collector.yaml',
    );
    const collector = parse(readRepoFile('infra/observability/otel-collector.yaml')) as Obj;
    expect(collector['exporters']['otlp/jaeger'].endpoint).toBe('jaeger:4317');
    expect(collector['service'].pipelines.traces.receivers).toEqual(['otlp']);
  });

  it.each(Object.entries(PORTS))(
    '%s: built from the service Dockerfile, configured, health-checked, started after its dependencies',
    (name, port) => {
      const service = services[name]!;
      expect(service['build']).toEqual({
        context: '.',
        dockerfile: 'docker/service.Dockerfile',
        args: { SERVICE: name },
      });
      const env = service['environment'] as Record<string, string | number>;
      expect(REQUIRED_ENV.filter((key) => env[key] === undefined || env[key] === '')).toEqual([]);
      expect(env['PORT']).toBe(port);
      expect(env['OTEL_SERVICE_NAME']).toBe(name);
      expect(env['MONGO_URL']).toContain('replicaSet=rs0');
      expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
      expect(service['ports']).toEqual([`${port}:${port}`]);
      expect(service['healthcheck'].test.join(' ')).toContain('/health/ready');
      expect(service['depends_on']).toEqual(
        name === 'notifications'
          ? { ...DEPENDENCIES, mailpit: { condition: 'service_started' } }
          : DEPENDENCIES,
      );
      expect(service['read_only']).toBe(true);
      // Longer than the service's own shutdown timeout, so a stop drains instead of killing.
      expect(parseInt(service['stop_grace_period'], 10) * 1000).toBeGreaterThan(
        Number(env['SHUTDOWN_TIMEOUT_MS']),
      );
    },
  );

  it.each(Object.keys(PORTS))(
    '%s: a compromised container finds the public token keys, never the signing key',
    (name) => {
      const service = services[name]!;
      const env = service['environment'] as Record<string, string>;
      const mounts = ((service['volumes'] ?? []) as string[]).map((volume) => {
        const [source, target, mode] = volume.split(':');
        return { source, target, mode };
      });
      // One file, read-only: not the folder .infra/auth, which also holds the private key.
      expect(mounts).toEqual([
        { source: './.infra/auth/jwks.json', target: env['AUTH_LOCAL_JWKS'], mode: 'ro' },
      ]);
      // The local key set is a development setting: the image's NODE_ENV=production refuses it.
      expect(env['NODE_ENV']).toBe('development');
    },
  );

  it('web: built from the web Dockerfile, on port 3000, passing /svc on to each service once it is healthy', () => {
    const web = services['web']!;
    expect(web['build']).toEqual({ context: '.', dockerfile: 'docker/web.Dockerfile' });
    const env = web['environment'] as Record<string, string | number>;
    expect(env['PORT']).toBe(3000);
    expect(web['ports']).toEqual(['3000:3000']);
    for (const [name, port] of Object.entries(PORTS))
      expect(env[`${name.toUpperCase().replace('-', '_')}_URL`]).toBe(`http://${name}:${port}`);
    expect(web['depends_on']).toEqual(
      Object.fromEntries(
        Object.keys(PORTS).map((name) => [name, { condition: 'service_healthy' }]),
      ),
    );
    expect(web['healthcheck'].test.join(' ')).toContain('/health/ready');
    expect(web['read_only']).toBe(true);
    // Join links open the web app's visit page.
    const sessions = services['sessions']!['environment'] as Record<string, string>;
    expect(sessions['SESSIONS_JOIN_BASE_URL']).toBe('http://localhost:3000/join');
  });

  it('web: its development sign-in is given the local key pair alone, never the tokens or PHI keys beside it', () => {
    const web = services['web']!;
    const env = web['environment'] as Record<string, string>;
    expect(env['WEB_DEV_SIGN_IN']).toBe('on');
    // The image's NODE_ENV=production refuses the development sign-in.
    expect(env['NODE_ENV']).toBe('development');
    expect(web['volumes']).toEqual(
      ['signing-key.private.jwk.json', 'jwks.json'].map(
        (file) => `./.infra/auth/${file}:${env['THC_AUTH_DIR']}/${file}:ro`,
      ),
    );
  });

  it('gives the PHI master keys only to the services that seal PHI', () => {
    const holders = Object.keys(PORTS).filter(
      (name) => (services[name]!['environment'] as Record<string, string>)['PHI_MASTER_KEYS'],
    );
    expect(holders).toEqual(['scheduling', 'sessions', 'notifications']);
  });

  it('has Mailpit keep every e-mail notifications sends, readable at http://localhost:8025', () => {
    const mailpit = services['mailpit']!;
    expect(mailpit['image']).toBe('axllent/mailpit:v1.33.1');
    expect(mailpit['ports']).toEqual(expect.arrayContaining(['8025:8025', '1025:1025']));
    const env = services['notifications']!['environment'] as Record<string, string>;
    expect(env['NOTIFICATIONS_SMTP_URL']).toBe('smtp://mailpit:1025');
    // No SMS gateway locally: text messages are recorded as undeliverable, never pretended sent.
    expect(env['NOTIFICATIONS_SMS_PROVIDER']).toBe('none');
    // Only notifications sends mail.
    expect(
      Object.keys(services).filter((name) =>
        Object.keys((services[name]!['environment'] ?? {}) as Record<string, string>).some((key) =>
          /SMTP/.test(key),
        ),
      ),
    ).toEqual(['notifications']);
  });

  it('gives compliance-audit its checkpoint signing key from outside: a read-only container cannot generate one', () => {
    const env = services['compliance-audit']!['environment'] as Record<string, string>;
    expect(env['AUDIT_SIGNING_KEY']).toMatch(/^\$\{AUDIT_SIGNING_KEY:\?/);
    expect(services['compliance-audit']!['read_only']).toBe(true);
  });

  it('never copies local keys into an image: .infra stays out of the build context', () => {
    const ignored = readRepoFile('docker/service.Dockerfile.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toContain('.infra');
  });

  it('builds small non-root images with Nx in a multi-stage Dockerfile', () => {
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)/gm)].map((m) => m[1]);
    expect(stages).toEqual(['build', 'prod-deps', 'runtime']);
    expect(dockerfile).toMatch(/npx nx build "\$\{SERVICE\}"/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node/m);
    expect(runtime).not.toMatch(/COPY \. \./);
    expect(runtime).toMatch(/COPY --from=build \S+ \/workspace\/dist\/services\/\$\{SERVICE\}/);
  });
});
