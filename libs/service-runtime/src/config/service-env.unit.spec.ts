import { validateServiceEnv } from './service-env';

// A production service's environment as the Kubernetes manifests give it.
const PRODUCTION = {
  NODE_ENV: 'production',
  MONGO_URL: 'mongodb://scheduling:pw@mongo.internal:27017/?tls=true&authSource=admin',
  KAFKA_BROKERS: 'thc-kafka-bootstrap:9093',
  KAFKA_SSL: 'true',
  AUTH_JWKS_URL: 'https://idp.health.example/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.health.example',
  AUTH_AUDIENCE: 'telehealth-coordinator-prod',
  AUTH_ORGANIZATION_ID: 'org-health-example',
};

describe('a service started with NODE_ENV=production refuses development settings at start-up', () => {
  it('starts with production token and Kafka settings', () => {
    expect(validateServiceEnv(PRODUCTION)).toMatchObject({
      KAFKA_BROKERS: PRODUCTION.KAFKA_BROKERS,
    });
  });

  it.each([
    ['AUTH_LOCAL_JWKS', { AUTH_LOCAL_JWKS: '/run/thc-auth/jwks.json' }],
    ['AUTH_ISSUER', { AUTH_ISSUER: undefined }],
    ['AUTH_AUDIENCE', { AUTH_AUDIENCE: 'telehealth-coordinator' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'http://idp.health.example/jwks.json' }],
    ['KAFKA_SSL', { KAFKA_SSL: undefined }],
  ])(
    'stops on %s before any connection is opened (the MongoDB connection validates first)',
    (setting, override) => {
      expect(() => validateServiceEnv({ ...PRODUCTION, ...override })).toThrow(
        new RegExp(`^Invalid environment:[\\s\\S]*^  ${setting}: `, 'm'),
      );
    },
  );

  it('lists production refusals together with the other invalid variables', () => {
    expect(() =>
      validateServiceEnv({ ...PRODUCTION, MONGO_URL: undefined, AUTH_ISSUER: undefined }),
    ).toThrow(/MONGO_URL: [\s\S]*AUTH_ISSUER: /);
  });

  it('lets development and tests start with the local key set and plaintext Kafka', () => {
    const development = {
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: '127.0.0.1:9092',
      AUTH_LOCAL_JWKS: '/tmp/jwks.json',
    };
    expect(() => validateServiceEnv(development)).not.toThrow();
    expect(() => validateServiceEnv({ ...development, NODE_ENV: 'test' })).not.toThrow();
  });
});
