import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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

/**
 * Consumer groups declared in the services' code (`groupId = '...'` with `topics = ...` in an
 * `EventConsumerHost`), with the service that declares each and the contract topics it reads.
 */
export function consumerGroupsInCode(
  allTopics: readonly string[],
  topicOf: (key: string) => string,
) {
  return filesUnder('services', '.ts')
    .filter((path) => !path.endsWith('.spec.ts'))
    .map((path) => ({ service: path.split(/[\\/]/)[1] ?? '', source: readRepoFile(path) }))
    .filter(({ source }) => /extends EventConsumerHost/.test(source))
    .flatMap(({ service, source }) => {
      const group = /groupId = '([^']+)'/.exec(source)?.[1];
      const topics = /topics = ([^;]+);/.exec(source)?.[1] ?? '';
      if (!group) return [];
      const reads = /Object\.values\(TOPICS\)/.test(topics)
        ? [...allTopics]
        : [...topics.matchAll(/TOPICS\.(\w+)/g)].map((m) => topicOf(m[1] ?? ''));
      return [{ service, group, topics: reads }];
    });
}

/** Names of the Prometheus series a PromQL expression reads (without _bucket/_count/_sum). */
export function seriesIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:thc|http_server|process|nodejs)_[a-z0-9_]+)/g)].map((m) =>
    (m[1] ?? '').replace(/_(bucket|count|sum)$/, ''),
  );
}
