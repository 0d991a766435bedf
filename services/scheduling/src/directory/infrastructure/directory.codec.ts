import { upcast } from '@thc/contracts';
import type { EventCodec } from '@thc/event-store';

/**
 * Stores directory events as they are and reads them back at their latest version; a stream
 * holds one event type, and anything else in it is a fault worth stopping on.
 */
export function directoryCodec<Event extends { readonly type: string; readonly data: object }>(
  type: Event['type'],
): EventCodec<Event> {
  return {
    encode: (event) => ({ type: event.type, data: event.data }),
    decode: (stored) => {
      const latest = upcast(stored);
      if (latest.type !== type)
        throw new Error(`${stored.streamId}@${stored.version}: unexpected ${stored.type}`);
      return { type, data: latest.data } as Event;
    },
  };
}
