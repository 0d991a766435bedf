import type { VisitMetricsCollections } from './visit-metrics.collections';

/**
 * Where queries read: the collections of the version the pointer names now, read per request
 * so every instance answers from the same version. A class, so it is also the injection token
 * (the versions runner provides it).
 */
export abstract class ServingCollections {
  abstract activeCollections(): Promise<VisitMetricsCollections>;
}
