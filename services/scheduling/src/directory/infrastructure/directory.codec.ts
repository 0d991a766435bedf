import { assertValidEvent, upcast } from '@thc/contracts';
import type { EventCodec } from '@thc/event-store';

/**
 * Checks every directory event against its contract before it is stored; a stream holds one
 * event type, and anything else in it is a fault worth stopping on.
 */
export function directoryCodec<Event extends { readonly type: string; readonly data: object }>(
  type: Event['type'],
): EventCodec<Event> {
  return {
    encode: (event) => {
      assertValidEvent(event.type, event.data);
      return { type: event.type, data: event.data };
    },
    decode: (stored) => {
      const latest = upcast(stored);
      if (latest.type !== type)
        throw new Error(`${stored.streamId}@${stored.version}: unexpected ${stored.type}`);
      return { type, data: latest.data } as Event;
    },
  };
}
