import {
  allEventDefinitions,
  AUDIT_HEADS_TOPIC,
  deadLetterTopic,
  EVENT_TOPICS,
  SHARED_TOPICS,
  TOPICS,
} from '@thc/contracts';
import { buildAndValidate, ValidationRun } from './support/built-manifests';
import { KafkaAclRule, kafkaAllows } from './support/kafka-authorizer';
import { literalEnv, secretEnv } from './support/pod-credentials';
import { consumerGroupsInCode, filesUnder, readRepoFile } from './support/repo-files';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OVERLAYS = ['dev', 'prod'];
const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
];
// Every topic events travel on: each context's, and those of types several services write.
const CONTRACT_TOPICS: readonly string[] = EVENT_TOPICS;
const GROUPS = consumerGroupsInCode();
/**
 * Consumer groups named at run time (`names.group(\`<prefix>${...}\`)`), such as the versions of
 * an analytics projection rebuild, with a name one of them could take.
 */
const RUNTIME_GROUPS = filesUnder('services', '.ts')
  .filter((path) => !path.endsWith('.spec.ts'))
  .flatMap((path) =>
    [...readRepoFile(path).matchAll(/names\.group\(`([^`$]+)\$\{/g)].map((m) => ({
      service: path.split(/[\\/]/)[1] ?? '',
      group: `${m[1]}3f2a9c`,
    })),
  );

/** Who the contracts registry says writes each topic: its producer and `alsoProducedBy`. */
const writers = (topic: string) =>
  new Set(
    allEventDefinitions()
      .filter((definition) => definition.topic === topic)
      .flatMap((definition) => definition.sources.map((source) => source.replace('/thc/', ''))),
  );
const readers = (topic: string) =>
  new Set(GROUPS.filter((g) => g.topics.includes(topic)).map((g) => g.service));

// After adding a consumer, or an event another service also produces, regenerate the users:
//   node -r @swc-node/register -r tsconfig-paths/register k8s/generate-kafka-users.ts
describe('every service is its own Kafka user, allowed what the contracts registry and its consumers need', () => {
  let run: ValidationRun;
  beforeAll(() => {
    run = buildAndValidate(OVERLAYS);
    expect(run.stderr).toBe('');
  }, 600_000);

  it('the code declares consumer groups in services that exist (the table below is not empty)', () => {
    expect(GROUPS.length).toBeGreaterThan(3);
    expect(GROUPS.every((g) => SERVICES.includes(g.service))).toBe(true);
  });

  describe.each(OVERLAYS)('%s', (overlay) => {
    const of = (kind: string, name?: string) =>
      (run.overlays.get(overlay) as readonly Obj[]).filter(
        (r) => r['kind'] === kind && (name === undefined || r['metadata'].name === name),
      );
    const acls = (service: string) =>
      (of('KafkaUser', service)[0]?.['spec'].authorization.acls ?? []) as KafkaAclRule[];
    const config = () => of('ConfigMap', 'thc-platform')[0]!['data'] as Record<string, string>;

    it.each(SERVICES)(
      '%s: logs in as its own SCRAM user over TLS, with the password Strimzi keeps for that user',
      (service) => {
        const user = of('KafkaUser', service)[0]!;
        expect(user['metadata'].labels['strimzi.io/cluster']).toBe('thc');
        expect(user['spec'].authentication).toEqual({ type: 'scram-sha-512' });
        expect(user['spec'].authorization.type).toBe('simple');
        const deployment = of('Deployment', service)[0]!;
        expect(literalEnv(deployment, 'KAFKA_SASL_USERNAME')).toBe(service);
        expect(secretEnv(deployment, 'KAFKA_SASL_PASSWORD')).toEqual({
          name: service,
          key: 'password',
        });
        expect(config()['KAFKA_SASL_MECHANISM']).toBe('scram-sha-512');
      },
    );

    it.each(SERVICES)(
      '%s: may write exactly the topics the registry says it produces, and read exactly those its consumers subscribe to',
      (service) => {
        const allowed = CONTRACT_TOPICS.map((topic) => ({
          topic,
          write: kafkaAllows(acls(service), 'Write', 'topic', topic),
          read: kafkaAllows(acls(service), 'Read', 'topic', topic),
        }));
        expect(allowed).toEqual(
          CONTRACT_TOPICS.map((topic) => ({
            topic,
            write: writers(topic).has(service),
            read: readers(topic).has(service),
          })),
        );
      },
    );

    it.each(
      SERVICES.flatMap((service) =>
        CONTRACT_TOPICS.filter((topic) => !writers(topic).has(service)).map((topic) => [
          service,
          topic,
        ]),
      ),
    )('a compromised %s pod cannot publish forged events on %s', (service, topic) => {
      expect(kafkaAllows(acls(service), 'Write', 'topic', topic)).toBe(false);
    });

    it('only compliance-audit writes thc.compliance.v1: a compromised pod of a service that serves PHI can write its PHI reads, but no consent or violation under compliance-audit’s name', () => {
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Write', 'topic', TOPICS.compliance),
        ),
      ).toEqual(['compliance-audit']);
      // Each service relays the reads it serves itself, to the topic of PhiAccessed alone
      // (notifications too: it opens contact points and join links to send them).
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Write', 'topic', SHARED_TOPICS.phiAccess),
        ),
      ).toEqual(SERVICES);
      // The audit trail reads it; no other consumer needs who read which patient's data.
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Read', 'topic', SHARED_TOPICS.phiAccess),
        ),
      ).toEqual(['compliance-audit']);
    });

    it('only notifications writes thc.notifications.v1, and the audit trail and analytics read it', () => {
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Write', 'topic', TOPICS.notifications),
        ),
      ).toEqual(['notifications']);
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Read', 'topic', TOPICS.notifications),
        ),
      ).toEqual(expect.arrayContaining(['compliance-audit', 'analytics']));
    });

    it('only compliance-audit publishes the audit chain’s signed heads: a compromised pod elsewhere cannot forge a head to cover a rewritten trail', () => {
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Write', 'topic', AUDIT_HEADS_TOPIC),
        ),
      ).toEqual(['compliance-audit']);
      // No service consumes it: auditors and the outside verifier read it with their own users.
      expect(
        SERVICES.filter((service) =>
          kafkaAllows(acls(service), 'Read', 'topic', AUDIT_HEADS_TOPIC),
        ),
      ).toEqual([]);
    });

    it.each(GROUPS.map((g) => [g.service, g.group, g.topics] as const))(
      '%s: consumes as %s and parks failures in that group’s own dead-letter topics; no other service can join the group',
      (service, group, topics) => {
        expect(kafkaAllows(acls(service), 'Read', 'group', group)).toBe(true);
        for (const topic of topics)
          expect(kafkaAllows(acls(service), 'Write', 'topic', deadLetterTopic(topic, group))).toBe(
            true,
          );
        // Joining another service's group would take its partitions and commit past events
        // it never handled (a consent revocation sessions would then miss).
        for (const other of SERVICES.filter((s) => s !== service)) {
          expect({ other, group, join: kafkaAllows(acls(other), 'Read', 'group', group) }).toEqual({
            other,
            group,
            join: false,
          });
          for (const topic of topics)
            expect(kafkaAllows(acls(other), 'Write', 'topic', deadLetterTopic(topic, group))).toBe(
              false,
            );
        }
      },
    );

    it('analytics rebuilds a projection version under its own groups named at run time, and only analytics may join them', () => {
      expect(RUNTIME_GROUPS.map((g) => g.service)).toContain('analytics');
      for (const { service, group } of RUNTIME_GROUPS) {
        expect(kafkaAllows(acls(service), 'Read', 'group', group)).toBe(true);
        // A rebuild replays each context's topic (visit-metrics.versions.ts).
        for (const topic of Object.values(TOPICS)) {
          const dlq = deadLetterTopic(topic, group);
          expect(kafkaAllows(acls(service), 'Create', 'topic', dlq)).toBe(true);
          expect(kafkaAllows(acls(service), 'Write', 'topic', dlq)).toBe(true);
        }
        for (const other of SERVICES.filter((s) => s !== service))
          expect(kafkaAllows(acls(other), 'Read', 'group', group)).toBe(false);
      }
    });

    it.each(SERVICES)(
      '%s: cannot create, delete or reconfigure contract topics, nor act on the cluster',
      (service) => {
        for (const topic of CONTRACT_TOPICS)
          for (const operation of ['Create', 'Delete', 'Alter', 'AlterConfigs'] as const)
            expect({
              topic,
              operation,
              allowed: kafkaAllows(acls(service), operation, 'topic', topic),
            }).toEqual({
              topic,
              operation,
              allowed: false,
            });
        for (const operation of ['Alter', 'AlterConfigs', 'ClusterAction', 'Create'] as const)
          expect(kafkaAllows(acls(service), operation, 'cluster')).toBe(false);
        expect(kafkaAllows(acls(service), 'Read', 'group', 'thc.dlq-replay.anything')).toBe(false);
        // Topics outside the contracts, the broker's own included.
        for (const topic of ['thc.payments.v1', '__consumer_offsets', 'thc.sessions.v2'])
          for (const operation of ['Read', 'Write', 'Create'] as const)
            expect({
              topic,
              operation,
              allowed: kafkaAllows(acls(service), operation, 'topic', topic),
            }).toEqual({
              topic,
              operation,
              allowed: false,
            });
      },
    );

    it('reaches Kafka only through the TLS listener, trusting the cluster CA', () => {
      const brokers = config()['KAFKA_BROKERS']!.split(',');
      expect(brokers.length).toBeGreaterThan(0);
      for (const broker of brokers) expect(broker).toMatch(/^thc-kafka-bootstrap:9093$/);
      expect(config()['KAFKA_SSL']).toBe('true');
      const caFile = config()['KAFKA_SSL_CA_FILE']!;
      for (const service of SERVICES) {
        const pod = of('Deployment', service)[0]!['spec'].template.spec;
        const mount = (pod.containers[0].volumeMounts as Obj[]).find((m) =>
          caFile.startsWith(`${m['mountPath']}/`),
        )!;
        const volume = (pod.volumes as Obj[]).find((v) => v['name'] === mount['name'])!;
        expect(volume['secret'].secretName).toBe('thc-cluster-ca-cert');
        expect(volume['secret'].items).toEqual([
          { key: 'ca.crt', path: caFile.slice(mount['mountPath'].length + 1) },
        ]);
      }
      // The network allows no way around it: the plaintext listener's port is not reachable.
      const kafkaEgress = of('NetworkPolicy', 'platform-egress')[0]!['spec'].egress.filter(
        (rule: Obj) =>
          (rule['to'] ?? []).some(
            (peer: Obj) => peer['podSelector']?.matchLabels?.['strimzi.io/kind'] === 'Kafka',
          ),
      );
      expect(kafkaEgress.flatMap((rule: Obj) => rule['ports'])).toEqual([
        { port: 9093, protocol: 'TCP' },
      ]);
      const egressPorts = of('NetworkPolicy')
        .flatMap((policy) => (policy['spec'].egress ?? []) as Obj[])
        .flatMap((rule) => (rule['ports'] ?? []) as Obj[])
        .map((port) => port['port']);
      expect(egressPorts).not.toContain(9092);
    });
  });
});
