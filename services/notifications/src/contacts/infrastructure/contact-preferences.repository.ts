import { Injectable } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, HandleResult, MongoEventStore } from '@thc/event-store';
import { ContactPreferencesCommand } from '../domain/contact-preferences.commands';
import { contactPreferencesDecider } from '../domain/contact-preferences.decider';
import {
  ContactPreferencesEvent,
  contactPreferencesStream,
} from '../domain/contact-preferences.events';
import { ContactPreferencesState } from '../domain/contact-preferences.state';

export type ContactPreferencesResult = HandleResult<
  ContactPreferencesState,
  ContactPreferencesEvent
>;

/** Contact preference streams in the service's event store; the outbox relay publishes them. */
@Injectable()
export class ContactPreferencesRepository {
  private readonly aggregates: AggregateRepository<
    ContactPreferencesState,
    ContactPreferencesCommand,
    ContactPreferencesEvent
  >;

  constructor(store: MongoEventStore) {
    this.aggregates = new AggregateRepository(store, contactPreferencesDecider, {
      // A command that decides an event its published contract refuses appends nothing.
      validate: (event) => assertValidEvent(event.type, event.data),
    });
  }

  load(personId: string): Promise<Aggregate<ContactPreferencesState>> {
    return this.aggregates.load(contactPreferencesStream(personId));
  }

  /**
   * Decides on the latest stream and appends. A concurrent writer is retried twice from a fresh
   * load: a record is whole and latest wins, and an opt-out is the same whenever it lands.
   */
  handle(
    personId: string,
    command: ContactPreferencesCommand,
    actor: string,
  ): Promise<ContactPreferencesResult> {
    return this.aggregates.handle(contactPreferencesStream(personId), command, {
      retryOnConflict: 2,
      metadata: { actor },
    });
  }
}
