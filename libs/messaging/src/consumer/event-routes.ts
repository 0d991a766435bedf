import type { EventDataOf, EventType } from '@thc/contracts';
import { ConsumedEvent } from './consumed-event';

/** An event of one registry type, its data typed by that type's contract. */
export type TypedEvent<T extends EventType> = ConsumedEvent<EventDataOf<T>> & { readonly type: T };

/** What a consumer does with each type it applies, keyed by the registry's event types. */
export type EventRoutes = {
  readonly [T in EventType]?: (event: TypedEvent<T>) => Promise<void>;
};

/**
 * Hands the event to the route of its type; a type without a route is nothing to do. The one
 * narrowing from a consumed event to its typed data is here: the host has already checked the
 * data against that type's JSON Schema, which the type is generated from.
 */
export function routeEvent(routes: EventRoutes, event: ConsumedEvent): Promise<void> {
  const route = routes[event.type as EventType] as
    ((event: ConsumedEvent) => Promise<void>) | undefined;
  return route ? route(event) : Promise.resolve();
}
