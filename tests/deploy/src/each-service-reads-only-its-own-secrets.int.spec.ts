import { buildAndValidate, ValidationRun } from './support/built-manifests';
import { mongoAllows, MongoRole } from './support/mongodb-authorizer';
import { secretsReadBy } from './support/pod-credentials';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OVERLAYS = ['dev', 'prod'];
const KEY_STORE_DB = 'thc_phi_keys';
const TOKEN_SETTINGS = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ORGANIZATION_ID'];

/**
 * What each service may hold, from what its code reads (service-env.ts, the *.settings.ts of
 * each service, libs/phi-protection for the key store, libs/auth): its own Secret `thc-<name>`
 * key by key, the password of its own Kafka user (Secret `<name>`, kept by Strimzi), and the
 * Kafka cluster's public CA. Only scheduling, sessions and notifications (a patient's contact
 * points) seal PHI, so only they get the master keys; they and compliance-audit, which destroys a
 * patient's key on erasure (and, holding no master key, cannot open the wrapped keys it sees), get
 * a database role on the key store. Only notifications holds the mail relay's and the SMS
 * gateway's credentials.
 */
const ALLOWED: Record<string, { readonly secretKeys: readonly string[]; readonly dbs: string[] }> =
  {
    scheduling: {
      secretKeys: ['MONGO_URL', 'PHI_MASTER_KEYS', ...TOKEN_SETTINGS],
      dbs: ['thc_scheduling', KEY_STORE_DB],
    },
    sessions: {
      secretKeys: [
        'MONGO_URL',
        'PHI_MASTER_KEYS',
        'SESSIONS_LINK_SIGNING_KEY',
        'SESSIONS_VIDEO_SIGNING_KEY',
        ...TOKEN_SETTINGS,
      ],
      dbs: ['thc_sessions', KEY_STORE_DB],
    },
    training: { secretKeys: ['MONGO_URL', ...TOKEN_SETTINGS], dbs: ['thc_training'] },
    'compliance-audit': {
      secretKeys: ['MONGO_URL', 'AUDIT_SIGNING_KEY', ...TOKEN_SETTINGS],
      dbs: ['thc_compliance_audit', KEY_STORE_DB],
    },
    analytics: { secretKeys: ['MONGO_URL', ...TOKEN_SETTINGS], dbs: ['thc_analytics'] },
    notifications: {
      secretKeys: [
        'MONGO_URL',
        'PHI_MASTER_KEYS',
        'smtp-url',
        // Optional keys: without a Twilio account no SMS is sent.
        'TWILIO_ACCOUNT_SID',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_FROM_NUMBER',
        'TWILIO_MESSAGING_SERVICE_SID',
        ...TOKEN_SETTINGS,
      ],
      dbs: ['thc_notifications', KEY_STORE_DB],
    },
  };
const SERVICES = Object.keys(ALLOWED);
/** Every Deployment: the services and the web app, whose server holds no credential at all. */
const DEPLOYMENTS = [...SERVICES, 'web'];
const DATABASES = [...new Set(Object.values(ALLOWED).flatMap((a) => a.dbs))];

describe('each service holds only its own credentials, and analytics cannot reach the PHI key store', () => {
  let run: ValidationRun;
  beforeAll(() => {
    run = buildAndValidate(OVERLAYS);
    expect(run.stderr).toBe('');
  }, 600_000);

  describe.each(OVERLAYS)('%s', (overlay) => {
    const of = (kind: string, name?: string) =>
      (run.overlays.get(overlay) as readonly Obj[]).filter(
        (r) => r['kind'] === kind && (name === undefined || r['metadata'].name === name),
      );
    const deployment = (service: string) => of('Deployment', service)[0]!;
    const mongoUser = (service: string) => of('MongoDBUser', service)[0];
    const roles = (service: string) => (mongoUser(service)?.['spec'].roles ?? []) as MongoRole[];

    it.each(SERVICES)(
      '%s: its pods read exactly the keys it needs, each named, from its own Secrets',
      (service) => {
        const reads = secretsReadBy(deployment(service)).map((r) => `${r.secret}/${r.key}`);
        expect(reads.sort()).toEqual(
          [
            ...ALLOWED[service]!.secretKeys.map((key) => `thc-${service}/${key}`),
            `${service}/password`,
            'thc-cluster-ca-cert/ca.crt',
          ].sort(),
        );
      },
    );

    it('a compromised analytics pod finds no PHI master keys and no key-store credentials in its environment or volumes', () => {
      const reads = secretsReadBy(deployment('analytics'));
      // A whole Secret (envFrom, a secret volume without items) would hand over keys added later.
      expect(reads.filter((r) => r.key === '*')).toEqual([]);
      expect(
        reads.filter((r) => /PHI|KEYS_MONGO|MASTER|mongodb/i.test(`${r.secret}/${r.key}`)),
      ).toEqual([]);
      expect(
        reads.every((r) =>
          ['thc-analytics', 'analytics', 'thc-cluster-ca-cert'].includes(r.secret),
        ),
      ).toBe(true);
    });

    it('a compromised analytics pod, logged in to MongoDB as its own user, can neither read nor write the key store', () => {
      expect(roles('analytics').length).toBeGreaterThan(0);
      expect(mongoAllows(roles('analytics'), 'read', KEY_STORE_DB)).toBe(false);
      expect(mongoAllows(roles('analytics'), 'write', KEY_STORE_DB)).toBe(false);
      // Its own projections stay reachable: the refusal is not a user that can do nothing.
      expect(mongoAllows(roles('analytics'), 'write', 'thc_analytics')).toBe(true);
    });

    it('of all MongoDB users, only the PHI sealers and the eraser reach the key store', () => {
      const reach = SERVICES.filter((s) => mongoAllows(roles(s), 'read', KEY_STORE_DB));
      expect(reach).toEqual(['scheduling', 'sessions', 'compliance-audit', 'notifications']);
    });

    it('only the services that seal PHI hold the master keys that unwrap patient keys', () => {
      const holders = SERVICES.filter((s) =>
        secretsReadBy(deployment(s)).some((r) => r.key === 'PHI_MASTER_KEYS' || r.key === '*'),
      );
      expect(holders).toEqual(['scheduling', 'sessions', 'notifications']);
    });

    it('only notifications holds the mail relay’s and the SMS gateway’s credentials, and SMS stays optional', () => {
      const holders = SERVICES.filter((s) =>
        secretsReadBy(deployment(s)).some((r) => /smtp|twilio/i.test(r.key) || r.key === '*'),
      );
      expect(holders).toEqual(['notifications']);
      // A Secret without a Twilio account still starts the pods: SMS is then undeliverable.
      const [container] = deployment('notifications')['spec'].template.spec.containers as Obj[];
      const optional = ((container!['env'] ?? []) as Obj[])
        .filter((e) => e['valueFrom']?.secretKeyRef?.optional)
        .map((e) => e['name'])
        .sort();
      expect(optional).toEqual([
        'TWILIO_ACCOUNT_SID',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_FROM_NUMBER',
        'TWILIO_MESSAGING_SERVICE_SID',
      ]);
    });

    it.each(SERVICES)(
      '%s: its MongoDB user reads and writes its own databases and no other service’s',
      (service) => {
        expect(mongoUser(service)?.['spec']).toMatchObject({
          username: `thc-${service}`,
          passwordSecretKeyRef: { name: `thc-${service}-mongodb` },
        });
        const reachable = DATABASES.filter(
          (db) =>
            mongoAllows(roles(service), 'read', db) || mongoAllows(roles(service), 'write', db),
        );
        expect(reachable.sort()).toEqual([...ALLOWED[service]!.dbs].sort());
        // Not even "admin" or a catch-all role: the model treats unknown roles as reaching all.
        expect(mongoAllows(roles(service), 'read', 'thc_some_new_database')).toBe(false);
      },
    );

    it('a compromised web pod finds only the OIDC settings the pages sign in with: no database, Kafka or PHI credential', () => {
      const reads = secretsReadBy(deployment('web')).map((r) => `${r.secret}/${r.key}`);
      expect(reads.sort()).toEqual(
        ['WEB_OIDC_AUDIENCE', 'WEB_OIDC_CLIENT_ID', 'WEB_OIDC_ISSUER'].map(
          (key) => `thc-web/${key}`,
        ),
      );
      expect(mongoUser('web')).toBeUndefined();
      expect(of('KafkaUser', 'web')).toEqual([]);
    });

    it('no pod can read a MongoDB user’s password Secret (only the MongoDB operator does)', () => {
      const readers = DEPLOYMENTS.flatMap((s) => secretsReadBy(deployment(s))).filter((r) =>
        r.secret.endsWith('-mongodb'),
      );
      expect(readers).toEqual([]);
    });

    it('every service and the web app start in production mode, where development token settings are refused', () => {
      const shared = of('ConfigMap', 'thc-platform')[0]!['data'] as Record<string, string>;
      expect(shared['NODE_ENV']).toBe('production');
      expect(Object.keys(shared).filter((key) => key.startsWith('AUTH_'))).toEqual([]);
      for (const service of DEPLOYMENTS) {
        const [container] = deployment(service)['spec'].template.spec.containers as Obj[];
        const names = ((container!['env'] ?? []) as Obj[]).map((e) => e['name']);
        expect({ service, overridesNodeEnv: names.includes('NODE_ENV') }).toEqual({
          service,
          overridesNodeEnv: false,
        });
        expect({ service, localJwks: names.includes('AUTH_LOCAL_JWKS') }).toEqual({
          service,
          localJwks: false,
        });
        // The web app's local sign-in signs tokens with a development key.
        expect({ service, devSignIn: names.includes('WEB_DEV_SIGN_IN') }).toEqual({
          service,
          devSignIn: false,
        });
      }
    });
  });
});
