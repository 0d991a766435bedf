import { Module, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { CloudEventAttributes, streamIdOf, TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import {
  Clock,
  ClockModule,
  createServiceApp,
  IdsModule,
  PlatformModule,
} from '@thc/service-runtime';
import { produceEvent } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '../../service.identity';
import { VisitsModule } from '../visits.module';

/** The tests' clock: real time, moved forward by `advance` so windows can be crossed. */
let offsetMs = 0;
export const testClock: Clock = () => new Date(Date.now() + offsetMs);
export const advanceClock = (ms: number): void => {
  offsetMs += ms;
};

/** The sessions service as its AppModule wires it, without the outbox relay. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    ClockModule.use(testClock),
    IdsModule.use(),
    VisitsModule,
  ],
})
export class SessionsTestModule {}

/** The service as AppModule wires it, relay included: what other services read from its topic. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    OutboxRelayModule.forService({ source: '/thc/sessions', topic: TOPICS.sessions }),
    ClockModule.use(testClock),
    IdsModule.use(),
    VisitsModule,
  ],
})
export class PublishingSessionsTestModule {}

/** Starts an instance on a free port; the environment (prefixes, settings) is read now. */
export async function startSessionsApp(
  module: Type<unknown> = SessionsTestModule,
): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(module, serviceIdentity, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** Publishes events of another context into the namespace's topics, as its relay would. */
export class ForeignEvents {
  constructor(
    /** The namespaced name of a topic (TestNamespace.topic). */
    private readonly topicName: (topic: string) => string,
    private readonly producer: Producer,
  ) {}

  async publish(
    topic: string,
    source: CloudEventAttributes['source'],
    type: string,
    data: object,
    id: string = randomUUID(),
  ): Promise<string> {
    const subject = streamIdOf(type, data) ?? '';
    return produceEvent(this.producer, this.topicName(topic), { type, source, subject, data, id });
  }
}
