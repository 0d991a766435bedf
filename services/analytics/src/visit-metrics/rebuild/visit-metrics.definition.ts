import { createHash } from 'node:crypto';
import { HISTOGRAMS } from '../domain/histogram';
import { METRICS } from '../domain/metric-definitions';

/**
 * Bumped with every change to how events become facts or facts become counters
 * (fact-effects.ts, visit-contribution.ts): compiled code differs between build tools, so the
 * logic is versioned by hand while the definitions below are hashed as written.
 */
export const VISIT_METRICS_REVISION = 3;

/**
 * The projection's definition hash: its revision, histogram edges and metric definitions
 * (names, units, written definitions). A deployment
 * whose hash differs from the serving version's rebuilds into a new version beside it.
 */
export function visitMetricsDefinitionHash(salt = ''): string {
  const definition = JSON.stringify({
    revision: VISIT_METRICS_REVISION,
    histograms: HISTOGRAMS,
    metrics: METRICS.map((m) => [m.name, m.unit, m.definition]),
    salt,
  });
  return createHash('sha256').update(definition).digest('hex').slice(0, 10);
}
