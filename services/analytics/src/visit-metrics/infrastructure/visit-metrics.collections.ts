import type { mongo } from 'mongoose';

/**
 * The collections of one version of the visit-metrics projection. A version's data never mixes
 * with another's, so a rebuild writes beside the version that serves, and switching over is
 * one pointer write.
 */
export class VisitMetricsCollections {
  readonly facts: mongo.Collection<mongo.Document>;
  readonly sessionLinks: mongo.Collection<mongo.Document>;
  readonly days: mongo.Collection<mongo.Document>;
  readonly months: mongo.Collection<mongo.Document>;
  readonly schedules: mongo.Collection<mongo.Document>;
  readonly staff: mongo.Collection<mongo.Document>;

  constructor(
    readonly db: mongo.Db,
    readonly version: string,
  ) {
    const named = (part: string) => db.collection(`visit_metrics_${version}_${part}`);
    this.facts = named('facts');
    this.sessionLinks = named('session_links');
    this.days = named('days');
    this.months = named('months');
    this.schedules = named('schedules');
    this.staff = named('staff');
  }

  /** Every collection of the version, for dropping an abandoned one. */
  all(): mongo.Collection<mongo.Document>[] {
    return [this.facts, this.sessionLinks, this.days, this.months, this.schedules, this.staff];
  }
}
