import { Injectable } from '@nestjs/common';
import { Aggregate, AggregateRepository, HandleResult, MongoEventStore } from '@thc/event-store';
import { contractCheckedCodec } from '../../event-store/contract-checked.codec';
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
      codec: contractCheckedCodec(),
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
