import { createHash } from 'node:crypto';
import { HISTOGRAMS } from '../domain/histogram';
import { METRICS } from '../domain/metric-definitions';
import { REACH_FIGURES } from '../domain/reach-figures';

/**
 * Bumped with every change to how events become facts or facts become counters
 * (the domain's *-facts.ts, visit-contribution.ts, message-contribution.ts, and
 * infrastructure/fact-updates.ts):
 * compiled code differs between build tools, so the logic is versioned by hand while the
 * definitions below are hashed as written.
 */
export const VISIT_METRICS_REVISION = 4;

/**
 * The projection's definition hash: its revision, histogram edges, metric and reach figure
 * definitions (names, units, written definitions). A deployment
 * whose hash differs from the serving version's rebuilds into a new version beside it.
 */
export function visitMetricsDefinitionHash(salt = ''): string {
  const definition = JSON.stringify({
    revision: VISIT_METRICS_REVISION,
    histograms: HISTOGRAMS,
    metrics: METRICS.map((m) => [m.name, m.unit, m.definition]),
    reach: REACH_FIGURES.map((f) => [f.name, f.unit, f.definition]),
    salt,
  });
  return createHash('sha256').update(definition).digest('hex').slice(0, 10);
}
