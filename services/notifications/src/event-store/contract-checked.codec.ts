import { assertValidEvent } from '@thc/contracts';
import type { EventCodec } from '@thc/event-store';

/**
 * Stores `{ type, data }` as they are, each event checked against its published contract first:
 * a command that decides an event the contract refuses fails before anything is appended.
 */
export function contractCheckedCodec<
  Event extends { readonly type: string; readonly data: object },
>(): EventCodec<Event> {
  return {
    encode: (event) => {
      assertValidEvent(event.type, event.data);
      return { type: event.type, data: event.data };
    },
    decode: (stored) => ({ type: stored.type, data: stored.data }) as Event,
  };
}
