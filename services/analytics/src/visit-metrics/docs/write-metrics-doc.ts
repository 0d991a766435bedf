import { writeFileSync } from 'node:fs';
import { METRICS_DOC_PATH, renderMetricsDoc } from './metrics-doc';

writeFileSync(METRICS_DOC_PATH, renderMetricsDoc());
console.log(`wrote ${METRICS_DOC_PATH}`);
