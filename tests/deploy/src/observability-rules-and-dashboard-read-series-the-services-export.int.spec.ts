import { parse } from 'yaml';
import { filesUnder, readRepoFile, seriesIn } from './support/repo-files';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Every metric name the platform's code registers (`name: '...'` in a prom-client config).
const registered = new Set(
  filesUnder('libs', '.ts')
    .filter((path) => !path.endsWith('.spec.ts'))
    .flatMap((path) =>
      [...readRepoFile(path).matchAll(/name: '((?:thc|http_server)_[a-z0-9_]+)'/g)].map(
        (m) => m[1]!,
      ),
    ),
);
// prom-client's default process and Node.js metrics (collectDefaultMetrics).
const isDefaultMetric = (name: string) => /^(process|nodejs)_/.test(name);

const rules = (parse(readRepoFile('infra/observability/alert-rules.yml')) as Obj)['groups'].flatMap(
  (group: Obj) => group['rules'] as Obj[],
) as Obj[];
const dashboard = JSON.parse(readRepoFile('infra/observability/grafana-dashboard.json')) as Obj;
const panelExprs = (dashboard['panels'] as Obj[]).flatMap((panel) =>
  ((panel['targets'] as Obj[] | undefined) ?? []).map((t) => ({
    panel: panel['title'] as string,
    expr: t['expr'] as string,
  })),
);
const runbook = readRepoFile('docs/operations.md');

describe('alert rules and the Grafana dashboard', () => {
  it.each(rules.map((r) => [r['alert'] as string, r] as const))(
    '%s reads only series the services export, and its runbook section exists',
    (_name, rule) => {
      const unknown = seriesIn(rule['expr']).filter(
        (s) => !registered.has(s) && !isDefaultMetric(s),
      );
      expect(unknown).toEqual([]);
      const anchor = String(rule['annotations']['runbook_url']).split('#')[1]!;
      expect(runbook.toLowerCase()).toContain(`### ${anchor}`);
      expect(rule['labels']['severity']).toMatch(/^(critical|warning)$/);
    },
  );

  it('every dashboard panel queries series the services export', () => {
    expect(panelExprs.length).toBeGreaterThan(10);
    const unknown = panelExprs.flatMap(({ panel, expr }) =>
      seriesIn(expr)
        .filter((s) => !registered.has(s) && !isDefaultMetric(s))
        .map((s) => `${panel}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });
});
