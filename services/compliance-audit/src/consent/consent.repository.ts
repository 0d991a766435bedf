import { Injectable } from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { Aggregate, AggregateRepository, MongoEventStore } from '@thc/event-store';
import { ConsentCommand } from './domain/consent.commands';
import { consentDecider } from './domain/consent.decider';
import { ConsentEvent, consentStreamId } from './domain/consent.events';
import { ConsentState } from './domain/consent.state';

/** Consent streams in the service's event store; the outbox relay publishes them. */
@Injectable()
export class ConsentRepository {
  private readonly aggregates: AggregateRepository<ConsentState, ConsentCommand, ConsentEvent>;

  constructor(store: MongoEventStore) {
    this.aggregates = new AggregateRepository(store, consentDecider, {
      // Every event is checked against its published contract before it is stored.
      validate: (event) => assertValidEvent(event.type, event.data),
    });
  }

  load(patientId: string): Promise<Aggregate<ConsentState>> {
    return this.aggregates.load(consentStreamId(patientId));
  }

  /** `causedBy`: the id of the event the command reacts to, if any (causation, correlation). */
  async handle(
    patientId: string,
    command: ConsentCommand,
    actor: string,
    causedBy?: string,
  ): Promise<ConsentState> {
    const caused = causedBy ? { causationId: causedBy, correlationId: causedBy } : {};
    const result = await this.aggregates.handle(consentStreamId(patientId), command, {
      retryOnConflict: 2,
      metadata: { actor, ...caused },
    });
    return result.state;
  }
}
