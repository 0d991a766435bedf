import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { randomUUID } from 'node:crypto';
import {
  bookableProvider,
  startSchedulingApp,
} from '../../appointments/testing/scheduling-test-app';
import {
  Bearer,
  bookVisit,
  cancelVisit,
  joinWaitlist,
  OfferSeen,
  readEntry,
  Waiting,
} from './waitlist-calls';
import type { TestNamespace } from '@thc/testing';

/** The waitlist of one spec file; the fields are set once `beforeAll` has run. */
export interface WaitlistTestbed {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly store: MongoEventStore;
  /** A coordinator of every clinic. */
  readonly coordinator: Record<string, string>;
  /** The clinic patients join by default, and a provider there who can be booked. */
  readonly clinicId: string;
  readonly providerId: string;
  /** A new patient joins the clinic's list for a video visit before mid-2031 (or as `body` says). */
  join(body?: Record<string, unknown>): Promise<Waiting>;
  /**
   * Books the provider's slot (UTC instants) in the clinic (the default one unless named) and
   * cancels it: the cancellation offers it.
   */
  freeSlot(start: string, end: string, clinicId?: string): Promise<void>;
  /** The entry as its patient reads it. */
  read(entry: Waiting): Promise<{ status: string; offers: OfferSeen[] }>;
}

type Filled<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Starts the scheduling service for the specs of one file in the namespace's databases and
 * topics, with a bookable provider, and stops it after them. Offers are made by the requests
 * (the cancellation's fast path); the poller is off here and tested on its own.
 */
export function useWaitlistApp(ns: TestNamespace, bearer: Bearer): WaitlistTestbed {
  const bed = { clinicId: randomUUID(), providerId: randomUUID() } as Filled<WaitlistTestbed>;
  bed.join = (body = {}) => joinWaitlist(bed.url, bearer, bed.clinicId, body);
  bed.freeSlot = async (start, end, clinicId = bed.clinicId) => {
    const slot = { providerId: bed.providerId, clinicId, start, end };
    const appointmentId = await bookVisit(bed.url, bed.coordinator, slot);
    const cancelled = await cancelVisit(bed.url, bed.coordinator, appointmentId);
    if (cancelled.status !== 200) throw new Error(`cancellation refused: ${cancelled.status}`);
  };
  bed.read = (entry) => readEntry(bed.url, bearer, entry);

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['SCHEDULING_WAITLIST_POLL_MS'] = '0';
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app: bed.app, url: bed.url } = await startSchedulingApp());
    bed.store = bed.app.get(MongoEventStore);
    bed.coordinator = await bearer('coordinator', randomUUID());
    await bookableProvider(bed, bed.coordinator, bed.providerId);
  });
  afterAll(async () => {
    delete process.env['SCHEDULING_WAITLIST_POLL_MS'];
    await bed.app?.close();
    await ns.dispose();
  });
  return bed;
}
