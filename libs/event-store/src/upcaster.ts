import { StoredEvent } from './stored-event';

/**
 * Turns an event as stored into its current shape (e.g. `...Booked.v1` into `...Booked.v2`),
 * so old streams still load after an event type gets a new version. Applied on load only:
 * the relay publishes what was stored.
 */
export type Upcaster = (event: StoredEvent) => StoredEvent;
