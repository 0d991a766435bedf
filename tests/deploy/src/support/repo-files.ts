import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A consumer: an EventConsumerHost, directly or through a host of its own kind (PlanningConsumerHost). */
const CONSUMER_CLASS = /extends \w*ConsumerHost\b/;

/** The repository root. */
export const ROOT = join(__dirname, '..', '..', '..', '..');

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Repository-relative paths of the files under `dir` whose name ends with `suffix`. */
export function filesUnder(dir: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return found;
}

/** The `key: 'topic'` entries of one exported object of libs/contracts topics.ts. */
function topicMap(name: string): Record<string, string> {
  const source = readRepoFile('libs/contracts/src/registry/topics.ts');
  const body = new RegExp(`export const ${name} = \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
  return Object.fromEntries([...body.matchAll(/(\w+): '([^']+)'/g)].map((m) => [m[1], m[2]]));
}

/**
 * The topics a consumer's `topics = ...` expression names: `Object.values(TOPICS)`,
 * `EVENT_TOPICS` (every context topic and every shared topic), `TOPICS.<key>`,
 * `SHARED_TOPICS.<key>`.
 */
function topicsRead(expression: string): string[] {
  const topics = topicMap('TOPICS');
  const shared = topicMap('SHARED_TOPICS');
  const read = new Set<string>();
  if (/EVENT_TOPICS/.test(expression))
    [...Object.values(topics), ...Object.values(shared)].forEach((t) => read.add(t));
  if (/Object\.values\(TOPICS\)/.test(expression))
    Object.values(topics).forEach((t) => read.add(t));
  if (/Object\.values\(SHARED_TOPICS\)/.test(expression))
    Object.values(shared).forEach((t) => read.add(t));
  for (const [, map, key] of expression.matchAll(/\b(SHARED_TOPICS|TOPICS)\.(\w+)/g))
    read.add((map === 'TOPICS' ? topics : shared)[key ?? ''] ?? `unknown ${map}.${key}`);
  return [...read];
}

/**
 * Consumer groups declared in the services' code (`groupId = '...'` with `topics = ...` in an
 * `EventConsumerHost`), with the service that declares each and the topics it reads.
 */
export function consumerGroupsInCode() {
  return filesUnder('services', '.ts')
    .filter((path) => !path.endsWith('.spec.ts'))
    .map((path) => ({ service: path.split(/[\\/]/)[1] ?? '', source: readRepoFile(path) }))
    .filter(({ source }) => CONSUMER_CLASS.test(source))
    .flatMap(({ service, source }) => {
      const group = /groupId = '([^']+)'/.exec(source)?.[1];
      const topics = /topics = ([^;]+);/.exec(source)?.[1] ?? '';
      return group ? [{ service, group, topics: topicsRead(topics) }] : [];
    });
}

/** Names of the Prometheus series a PromQL expression reads (without _bucket/_count/_sum). */
export function seriesIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:thc|http_server|process|nodejs)_[a-z0-9_]+)/g)].map((m) =>
    (m[1] ?? '').replace(/_(bucket|count|sum)$/, ''),
  );
}
