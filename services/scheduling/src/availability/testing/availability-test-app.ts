import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule } from '@thc/messaging';
import { ClockModule, createServiceApp, IdsModule, PlatformModule } from '@thc/service-runtime';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '../../service.identity';
import { AvailabilityModule } from '../availability.module';

@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    ClockModule.use(),
    IdsModule.use(),
    AvailabilityModule,
  ],
})
class AvailabilityTestModule {}

export const zone = 'America/New_York';

/** A provider scheduled 09:00-12:00 every day in New York, the day after `day` closed. */
export function scheduleExample(day: DateTime, clinicId: string) {
  return {
    clinicId,
    departmentId: randomUUID(),
    timeZone: zone,
    slotMinutes: { video: 30, audio: 20 },
    bufferMinutes: { before: 0, after: 10 },
    minimumNoticeMinutes: 60,
    bookingHorizonDays: 60,
    dailyMaxVisits: 10,
    weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
      weekday,
      start: '09:00',
      end: '12:00',
      visitTypes: ['video', 'audio'],
    })),
    exceptions: [{ kind: 'closed', date: day.plus({ days: 1 }).toISODate() }],
    effectiveFrom: DateTime.now().setZone(zone).toISODate(),
  };
}

/** `from` and `to` query parameters for [from, to). */
export const range = (from: DateTime, to: DateTime) =>
  `from=${encodeURIComponent(from.toISO() ?? '')}&to=${encodeURIComponent(to.toISO() ?? '')}`;

/**
 * Availability on its own (with the booking ledger it reads booked time from), on a free port,
 * in the spec's namespace (`TestNamespace`); `scheduled` defines schedules as `coordinator`,
 * `stop` closes the app and drops the namespace.
 */
export async function startAvailabilityApp(
  ns: {
    readonly databasePrefix: string;
    readonly topicPrefix: string;
    topic(name: string): string;
    createTopics(topics: string[]): Promise<void>;
    dispose(): Promise<void>;
  },
  coordinator: Record<string, string>,
) {
  process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
  process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
  // The booking ledger reads the scheduling settings from the credentials part, whose consumer
  // of training's credential events starts with the app.
  await ns.createTopics([ns.topic(TOPICS.training)]);
  const app: NestExpressApplication = await createServiceApp(
    AvailabilityTestModule,
    serviceIdentity,
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const put = async (body: unknown, headers: Record<string, string>, providerId: string) =>
    fetch(`${base}/api/v1/providers/${providerId}/schedule`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = async (path: string, headers: Record<string, string>) =>
    fetch(`${base}${path}`, { headers });
  /** Defines the example schedule for a new provider; returns their id. */
  const scheduled = async (day: DateTime, clinicId: string): Promise<string> => {
    const providerId = randomUUID();
    const response = await put(scheduleExample(day, clinicId), coordinator, providerId);
    if (response.status !== 200) throw new Error(`schedule not defined: ${response.status}`);
    return providerId;
  };
  const stop = async () => {
    await app.close();
    await ns.dispose();
  };
  return { app, put, get, scheduled, stop };
}
