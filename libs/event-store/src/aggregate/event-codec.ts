import { NewEvent, StoredEvent } from '../stored-event';
import { DomainEvent } from './decider';

/** How a decider's events are stored: their type name and data on the way in and out. */
export interface EventCodec<Event> {
  readonly encode: (event: Event) => NewEvent;
  readonly decode: (event: StoredEvent) => Event;
}

/**
 * Stores `{ type, data }` as they are. Decoding trusts that the stream holds only this
 * decider's events in their current shape: the store's upcaster runs before it, and the
 * schemas in libs/contracts are checked where events enter the system.
 */
export function plainCodec<Event extends DomainEvent>(): EventCodec<Event> {
  return {
    encode: (event) => ({ type: event.type, data: event.data }),
    decode: (stored) => ({ type: stored.type, data: stored.data }) as Event,
  };
}
