import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { Producer } from 'kafkajs';
import { sessionIdOf } from '../domain/session-id';
import { SessionViews } from '../infrastructure/session-views.projection';
import { booking, BOOKED } from './scheduling-events';
import { ForeignEvents } from './sessions-test-app';

export const within = { timeoutMs: 40_000, intervalMs: 300 };

/** Polls until `check` passes (no @thc/testing here: this file is not a spec). */
async function until(check: () => Promise<boolean>, timeoutMs = within.timeoutMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the session');
    await new Promise((resolve) => setTimeout(resolve, within.intervalMs));
  }
}

/** Publishes scheduling and compliance events, and books sessions through Kafka. */
export class SessionsKit {
  readonly events: ForeignEvents;

  constructor(
    readonly app: NestExpressApplication,
    topicName: (topic: string) => string,
    producer: Producer,
  ) {
    this.events = new ForeignEvents(topicName, producer);
  }

  scheduling(type: string, data: object, id?: string): Promise<string> {
    return this.events.publish(TOPICS.scheduling, '/thc/scheduling', type, data, id);
  }

  compliance(type: string, data: object, id?: string): Promise<string> {
    return this.events.publish(TOPICS.compliance, '/thc/compliance-audit', type, data, id);
  }

  /** A session booked through Kafka, starting `minutes` from now, once its view exists. */
  async bookedSession(minutes: number, overrides: Partial<ReturnType<typeof booking>> = {}) {
    const booked = { ...booking(new Date(Date.now() + minutes * 60_000)), ...overrides };
    if (overrides.patientId || overrides.providerId)
      Object.assign(booked, {
        participants: [
          { participantId: booked.patientId, role: 'patient' },
          { participantId: booked.providerId, role: 'provider' },
        ],
      });
    await this.scheduling(BOOKED, booked);
    const sessionId = sessionIdOf(booked.appointmentId);
    const views = this.app.get(SessionViews);
    await until(async () => (await views.find(sessionId)) !== null);
    return { booked, sessionId };
  }
}
