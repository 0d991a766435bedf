import { EventDocument } from '@thc/event-store';
import { TestNamespace } from '@thc/testing';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { HISTORY_CONTEXTS } from '../../../scripts/seed-history/history-agenda';
import { seedHistory, serviceDatabase } from '../../../scripts/seed-history/seed-history';

class Interrupted extends Error {}

/**
 * The history generator as the scale tests use it: stopped after its first batch it carries on
 * where it stopped, the whole history then stands stored once (contiguous stream versions, every
 * append complete), and writing it all again stores nothing.
 */
describe('a seeded history', () => {
  const ns = new TestNamespace('history');
  const options = {
    events: 3_000,
    months: 2,
    seed: 7,
    mongoUrl: ns.mongoUrl,
    databasePrefix: ns.databasePrefix,
    until: new Date('2026-06-01T00:00:00.000Z'),
    phiMasterKeys: `test:${randomBytes(32).toString('base64')}`,
    phiKeysDb: `${ns.databasePrefix}thc_phi_keys`,
    batchEvents: 500,
  };

  afterAll(() => ns.dispose());

  /** Every stored event, with the service whose store holds it. */
  const stored = async (): Promise<(EventDocument & { service: string })[]> => {
    const connection = await mongoose.createConnection(ns.mongoUrl).asPromise();
    try {
      const all = await Promise.all(
        HISTORY_CONTEXTS.map(async (service) => {
          const events = await connection
            .useDb(serviceDatabase(service, ns.databasePrefix))
            .collection<EventDocument>('events')
            .find({})
            .toArray();
          return events.map((event) => ({ ...event, service }));
        }),
      );
      return all.flat();
    } finally {
      await connection.close();
    }
  };

  test('stopped mid-way, it resumes, stores each event once, and a repeat stores nothing', async () => {
    await expect(
      seedHistory({
        ...options,
        onDay: () => {
          throw new Interrupted('stopped after the first batch');
        },
      }),
    ).rejects.toThrow(Interrupted);
    const afterStop = (await stored()).length;

    const resumed = await seedHistory(options);
    expect(resumed.resumedAt).toBeDefined();
    expect(resumed.refused).toBe(0);
    expect(Math.abs(resumed.planned - options.events) / options.events).toBeLessThan(0.1);
    const events = await stored();
    expect(events).toHaveLength(resumed.planned);
    expect(afterStop).toBeGreaterThan(0);
    expect(afterStop).toBeLessThan(events.length);

    // Each service keeps its own streams (several record PHI reads under the same stream id).
    const streams = new Map<string, EventDocument[]>();
    for (const event of events) {
      const key = `${event.service}/${event.streamId}`;
      streams.set(key, [...(streams.get(key) ?? []), event]);
    }
    for (const [streamId, stream] of streams) {
      const versions = stream.map((e) => e.version).sort((a, b) => a - b);
      expect({ streamId, versions }).toEqual({ streamId, versions: versions.map((_, i) => i + 1) });
      for (const event of stream)
        expect(
          stream.some((e) => e.version === event.batchEnd && e.batchStart === event.batchStart),
        ).toBe(true);
    }
    expect(events.every((e) => e.pending === true)).toBe(true);

    const again = await seedHistory({ ...options, rewrite: true });
    expect(again).toMatchObject({
      inserted: 0,
      skipped: resumed.planned,
      planned: resumed.planned,
    });
    expect((await stored()).length).toBe(events.length);
  });
});
