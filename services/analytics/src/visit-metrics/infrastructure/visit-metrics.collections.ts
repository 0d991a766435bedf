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
  /** One document per message (delivery facts), and month buckets of their counters. */
  readonly messages: mongo.Collection<mongo.Document>;
  readonly messageMonths: mongo.Collection<mongo.Document>;

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
    this.messages = named('messages');
    this.messageMonths = named('message_months');
  }

  /**
   * Buckets are read by the days or months of a period, and schedules by clinic: each by key,
   * so a query costs the same after ten years of history as after one month. An analyst granted
   * some clinics reads their buckets alone (clinic, then period).
   */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.days.createIndex({ day: 1 }, { name: 'day' }),
      this.months.createIndex({ month: 1 }, { name: 'month' }),
      this.days.createIndex({ clinicId: 1, day: 1 }, { name: 'clinic-day' }),
      this.months.createIndex({ clinicId: 1, month: 1 }, { name: 'clinic-month' }),
      this.schedules.createIndex({ clinicId: 1 }, { name: 'clinic' }),
      this.messageMonths.createIndex({ month: 1 }, { name: 'month' }),
      this.messageMonths.createIndex({ clinicId: 1, month: 1 }, { name: 'clinic-month' }),
    ]);
  }

  /** Every collection of the version, for dropping an abandoned one. */
  all(): mongo.Collection<mongo.Document>[] {
    return [
      this.facts,
      this.sessionLinks,
      this.days,
      this.months,
      this.schedules,
      this.staff,
      this.messages,
      this.messageMonths,
    ];
  }
}
