import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { MongoEventStore } from '../mongo-event-store';
import { EventImport, ImportedAppend } from './event-import';

const at = new Date('2025-06-01T10:00:00.000Z');

/** Two streams: one of two single-event appends, one of an append of three. */
function history(): ImportedAppend[] {
  const a = `stream-${randomUUID()}`;
  const b = `stream-${randomUUID()}`;
  const event = (n: number) => ({
    id: randomUUID(),
    type: 'thc.test.Happened.v1',
    data: { n },
    metadata: { actor: 'history' },
  });
  return [
    { streamId: a, base: 0, events: [event(1)], recordedAt: at },
    { streamId: b, base: 0, events: [event(1), event(2), event(3)], recordedAt: at },
    { streamId: a, base: 1, events: [event(2)], recordedAt: new Date(at.getTime() + 60_000) },
  ];
}

describe('EventImport', () => {
  const ns = new TestNamespace('es-import');
  let connection: Connection;
  let store: MongoEventStore;
  let imports: EventImport;

  beforeAll(async () => {
    connection = await ns.connect('events');
    store = new MongoEventStore(connection);
    imports = new EventImport(connection, { batchSize: 2 });
    await imports.init();
  });

  afterAll(() => ns.dispose());

  test('imported appends read back as the store wrote them, with their original times', async () => {
    const appends = history();
    expect(await imports.write(appends)).toEqual({ inserted: 5, skipped: 0 });

    const [first, , last] = appends;
    const loaded = await store.load(first.streamId);
    expect(loaded.map((e) => [e.version, e.data, e.recordedAt.toISOString()])).toEqual([
      [1, { n: 1 }, '2025-06-01T10:00:00.000Z'],
      [2, { n: 2 }, '2025-06-01T10:01:00.000Z'],
    ]);
    expect(loaded[1].id).toBe(last.events[0].id);
    expect(await store.currentVersion(appends[1].streamId)).toBe(3);
    // A later live append continues the stream where the import left it.
    await store.append(first.streamId, 2, [{ type: 'thc.test.Happened.v1', data: { n: 3 } }]);
    expect(await store.currentVersion(first.streamId)).toBe(3);
  });

  test('an append larger than a batch stays whole, and the outbox sees every event', async () => {
    const appends = history();
    await imports.write(appends);
    const pending = await store.readPending(1000);
    const ids = new Set(pending.map((e) => e.id));
    expect(appends.flatMap((a) => a.events).every((e) => ids.has(e.id))).toBe(true);
  });

  test('importing the same appends again writes nothing and says they were skipped', async () => {
    const appends = history();
    await imports.write(appends.slice(0, 2));
    expect(await imports.write(appends)).toEqual({ inserted: 1, skipped: 4 });
    expect(await imports.write(appends)).toEqual({ inserted: 0, skipped: 5 });
    expect(await store.currentVersion(appends[0].streamId)).toBe(2);
  });
});
