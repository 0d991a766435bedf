import type { EventType } from '@thc/contracts';
import type { EventFact, FactsOfEvents } from './event-facts';
import { NOTIFICATION_FACTS } from './notification-facts';
import { SCHEDULING_FACTS } from './scheduling-facts';
import { SESSION_FACTS } from './session-facts';
import { TRAINING_FACTS } from './training-facts';

const FACTS: FactsOfEvents = {
  ...SCHEDULING_FACTS,
  ...SESSION_FACTS,
  ...TRAINING_FACTS,
  ...NOTIFICATION_FACTS,
};

/**
 * The facts one event adds to the visit metrics. Pure: the same event always gives the same
 * facts, each the event's own (a time, a count of one, an outcome), so applying them once per
 * event id converges in any order. Types that no metric uses give none.
 *
 * The one narrowing from a consumed event to its typed data: the consumer has checked the data
 * against its type's JSON Schema, which the type is generated from.
 */
export function factsOf(event: {
  readonly type: string;
  readonly data: unknown;
}): readonly EventFact[] {
  const of = FACTS[event.type as EventType] as
    ((data: unknown) => readonly EventFact[]) | undefined;
  return of ? of(event.data) : [];
}
