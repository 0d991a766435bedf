import { TOPICS } from '@thc/contracts';

/**
 * The topics every version of the visit-metrics projection reads from their beginning: every
 * context's own topic, so a context added to the contracts (notifications, for the reach and
 * reminder figures) is read by the next rebuild without a change here.
 */
export const PROJECTED_TOPICS: readonly string[] = Object.values(TOPICS);
