// Regenerates k8s/base/kafka-users.yaml: one Strimzi KafkaUser per service, whose ACLs allow
// exactly what the contracts registry and the consumers in the code need. Run after adding a
// consumer or an event another service also produces:
//   node -r @swc-node/register -r tsconfig-paths/register k8s/generate-kafka-users.ts
// tests/deploy fails while the users here differ from what the registry and the code say.
import {
  allEventDefinitions,
  AUDIT_HEADS_TOPIC,
  deadLetterTopic,
  EVENT_TOPICS,
  SHARED_TOPICS,
  TOPICS,
} from '@thc/contracts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A consumer: an EventConsumerHost, directly or through a host of its own kind (PlanningConsumerHost). */
const CONSUMER_CLASS = /extends \w*ConsumerHost\b/;

const ROOT = join(__dirname, '..');
const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
] as const;
type Service = (typeof SERVICES)[number];

/**
 * Consumer groups named at run time, which no `groupId = '...'` declares: each version of the
 * analytics visit-metrics projection rebuilds under its own group from every topic
 * (services/analytics/src/visit-metrics/rebuild), so those groups and their dead-letter topics
 * are granted by prefix.
 */
const RUNTIME_GROUP_PREFIXES: readonly { service: Service; prefix: string; topics: string[] }[] = [
  { service: 'analytics', prefix: 'thc.analytics.visit-metrics.', topics: Object.values(TOPICS) },
];

type Operation = 'Create' | 'Describe' | 'Read' | 'Write';
interface Acl {
  readonly resource: {
    readonly type: 'topic' | 'group';
    readonly name: string;
    readonly patternType: 'literal' | 'prefix';
  };
  readonly operations: Operation[];
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The topics a consumer's `topics = ...` expression names. */
function topicsRead(expression: string): string[] {
  const read = new Set<string>();
  if (expression.includes('EVENT_TOPICS')) EVENT_TOPICS.forEach((t) => read.add(t));
  if (expression.includes('Object.values(TOPICS)'))
    Object.values(TOPICS).forEach((t) => read.add(t));
  if (expression.includes('Object.values(SHARED_TOPICS)'))
    Object.values(SHARED_TOPICS).forEach((t) => read.add(t));
  for (const [, map, key] of expression.matchAll(/\b(SHARED_TOPICS|TOPICS)\.(\w+)/g)) {
    const topic =
      map === 'TOPICS'
        ? TOPICS[key as keyof typeof TOPICS]
        : SHARED_TOPICS[key as keyof typeof SHARED_TOPICS];
    if (!topic) throw new Error(`unknown topic ${map}.${key}`);
    read.add(topic);
  }
  return [...read];
}

/** Consumer groups of one service (`groupId = '...'` and `topics = ...` of an EventConsumerHost). */
function consumerGroups(service: Service): { group: string; topics: string[] }[] {
  return sources(join(ROOT, 'services', service, 'src'))
    .sort()
    .map((file) => readFileSync(file, 'utf8'))
    .filter((source) => CONSUMER_CLASS.test(source))
    .flatMap((source) => {
      const group = /groupId = '([^']+)'/.exec(source)?.[1];
      const topics = /topics = ([^;]+);/.exec(source)?.[1] ?? '';
      return group ? [{ group, topics: topicsRead(topics) }] : [];
    });
}

/** Topics a service writes: its own, and those of events it also produces (e.g. PhiAccessed). */
function writtenTopics(service: Service): string[] {
  return [
    ...new Set(
      allEventDefinitions()
        .filter((definition) => definition.sources.includes(`/thc/${service}`))
        .map((definition) => definition.topic),
    ),
  ];
}

function aclsOf(service: Service): Acl[] {
  const acls = new Map<string, Acl>();
  const grant = (
    type: Acl['resource']['type'],
    name: string,
    patternType: Acl['resource']['patternType'],
    operations: Operation[],
  ) => {
    const key = `${type} ${patternType} ${name}`;
    const merged = new Set([...(acls.get(key)?.operations ?? []), ...operations]);
    acls.set(key, { resource: { type, name, patternType }, operations: [...merged].sort() });
  };
  for (const topic of writtenTopics(service))
    grant('topic', topic, 'literal', ['Describe', 'Write']);
  // compliance-audit publishes the audit chain's signed heads off its database.
  if (service === 'compliance-audit')
    grant('topic', AUDIT_HEADS_TOPIC, 'literal', ['Describe', 'Write']);
  // A consumer writes what it cannot handle to its own dead-letter topics, creating them when
  // the Topic Operator has not yet (EventConsumer.ensureDeadLetterTopics).
  const deadLetters = ['Create', 'Describe', 'Write'] as Operation[];
  for (const { group, topics } of consumerGroups(service)) {
    grant('group', group, 'literal', ['Read']);
    for (const topic of topics) {
      grant('topic', topic, 'literal', ['Describe', 'Read']);
      grant('topic', deadLetterTopic(topic, group), 'literal', deadLetters);
    }
  }
  for (const { prefix, topics } of RUNTIME_GROUP_PREFIXES.filter((g) => g.service === service)) {
    grant('group', prefix, 'prefix', ['Read']);
    for (const topic of topics) {
      grant('topic', topic, 'literal', ['Describe', 'Read']);
      grant('topic', deadLetterTopic(topic, prefix), 'prefix', deadLetters);
    }
  }
  return [...acls.values()].sort(
    (a, b) =>
      a.resource.type.localeCompare(b.resource.type) ||
      a.resource.name.localeCompare(b.resource.name),
  );
}

const user = (service: Service) => `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata:
  name: ${service}
  labels: { strimzi.io/cluster: thc, app.kubernetes.io/name: ${service} }
spec:
  # SCRAM-SHA-512 over the TLS listener; the User Operator writes the password to the Secret
  # \`${service}\` (key \`password\`), which only the ${service} Deployment reads.
  authentication: { type: scram-sha-512 }
  authorization:
    type: simple
    acls:
${aclsOf(service)
  .map(
    ({ resource, operations }) =>
      `      - resource:\n` +
      `          type: ${resource.type}\n` +
      `          name: ${resource.name}\n` +
      `          patternType: ${resource.patternType}\n` +
      `        operations: [${operations.join(', ')}]`,
  )
  .join('\n')}
`;

const header = `# Generated by k8s/generate-kafka-users.ts; edit that script, not this file.
# One Kafka user per service (Strimzi User Operator, simple authorization): a service writes
# only the topics whose events the contracts registry says it produces (its own topic, and
# thc.compliance.phi-access.v1 for the PhiAccessed records every service relays; only
# compliance-audit writes thc.compliance.v1, where consents and violations travel), reads only
# the topics its consumer groups subscribe to, commits offsets only for its own groups, and
# writes only its own dead-letter topics. Anything else (another context's topic, another service's group) is
# refused by the brokers.
`;

const target = join(ROOT, 'k8s', 'base', 'kafka-users.yaml');
writeFileSync(target, header + SERVICES.map(user).join('---\n'));
console.log(`${relative(ROOT, target).split(sep).join('/')}: ${SERVICES.length} users`);
