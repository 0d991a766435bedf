import type { EventDataOf, EventType } from './event-registry';

/**
 * The events of one stream by their names in its map (`APPOINTMENT_EVENT`), each exactly as the
 * contracts registry declares it. A stream's union is `StreamEvents<...>[keyof ...]`, so a new
 * event in the map joins the union without being listed again.
 */
export type StreamEvents<M extends Readonly<Record<string, EventType>>> = {
  readonly [K in keyof M]: { readonly type: M[K]; readonly data: EventDataOf<M[K]> };
};
