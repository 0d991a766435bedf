import type { EventType } from '@thc/contracts';
import { ConsumedEvent, EventHandler } from '../consumer/consumed-event';
import { EventRoutes, routeEvent } from '../consumer/event-routes';
import { EventConsumerHost } from './event-consumer.host';

/**
 * A consumer of a few known event types: `routes` maps each registry type to its handler,
 * which receives the event's data typed by that type's contract. Only those types are checked
 * and handled; every other type on the topic is skipped (committed).
 */
export abstract class RoutedConsumerHost extends EventConsumerHost {
  protected abstract readonly routes: EventRoutes;
  /** The routed types, read once: every message on the topic is checked against them. */
  private routedTypes?: readonly EventType[];

  protected handle: EventHandler = (event: ConsumedEvent) => routeEvent(this.routes, event);

  protected override appliedTypes(): readonly EventType[] {
    this.routedTypes ??= Object.keys(this.routes) as EventType[];
    return this.routedTypes;
  }
}
