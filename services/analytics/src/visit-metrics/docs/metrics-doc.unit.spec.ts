import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS } from '../domain/metric-definitions';
import { METRICS_DOC_PATH, renderMetricsDoc } from './metrics-doc';

describe('docs/metrics.md', () => {
  it('is what the metric definitions in code generate (regenerate with write-metrics-doc.ts)', () => {
    const onDisk = readFileSync(join(__dirname, '../../../../..', METRICS_DOC_PATH), 'utf8');
    expect(onDisk).toBe(renderMetricsDoc());
  });

  it('defines every metric in words', () => {
    for (const metric of METRICS) expect(metric.definition.length).toBeGreaterThan(20);
    expect(new Set(METRICS.map((m) => m.name)).size).toBe(METRICS.length);
  });
});
