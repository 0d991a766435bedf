import { TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { eventDocuments } from './append/event-documents';
import { ConcurrencyError } from './concurrency.error';
import { EventDocument } from './event-document.schema';
import { MongoEventStore } from './mongo-event-store';

const booked = (n: number) => ({ type: 'thc.test.Booked.v1', data: { n } });
const HOUR = 3_600_000;

describe('multi-event appends are all-or-nothing for readers', () => {
  const ns = new TestNamespace('es-batches');
  let connection: Connection;
  let store: MongoEventStore;

  beforeAll(async () => {
    connection = await ns.connect('events');
    store = new MongoEventStore(connection, { abandonAfterMs: 60_000 });
    await store.init();
  });

  afterAll(() => ns.dispose());

  const raw = () => connection.collection<EventDocument>('events');

  /** A stream of `complete` events, then the first `written` of a `size`-event append that is not finished. */
  const streamWithUnfinishedAppend = async (
    complete: number,
    size: number,
    written: number,
    age: number,
  ) => {
    const streamId = `stream-${randomUUID()}`;
    await store.append(
      streamId,
      'noStream',
      Array.from({ length: complete }, (_, i) => booked(i + 1)),
    );
    const events = Array.from({ length: size }, (_, i) => ({
      ...booked(100 + i),
      id: randomUUID(),
    }));
    const documents = eventDocuments(streamId, complete, events, new Date(Date.now() - age));
    await raw().insertMany(documents.slice(0, written));
    return { streamId, rest: documents.slice(written) };
  };

  const versions = async (reader: MongoEventStore, streamId: string) =>
    (await reader.load(streamId)).map((e) => e.version);
  const pendingOf = async (streamId: string) =>
    (await store.readPending(10_000)).filter((e) => e.streamId === streamId).map((e) => e.version);

  it('hides an append in flight from load, currentVersion and the relay until its last event is stored', async () => {
    const { streamId, rest } = await streamWithUnfinishedAppend(2, 4, 2, 0);
    const reader = new MongoEventStore(connection);

    expect(await versions(reader, streamId)).toEqual([1, 2]);
    expect(await reader.currentVersion(streamId)).toBe(2);
    expect(await pendingOf(streamId)).toEqual([1, 2]);

    await raw().insertMany(rest);
    expect(await versions(reader, streamId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await reader.currentVersion(streamId)).toBe(6);
    expect(await pendingOf(streamId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses to append after the visible head while another append there is in flight', async () => {
    const { streamId } = await streamWithUnfinishedAppend(2, 3, 1, 0);
    const error = await new MongoEventStore(connection)
      .append(streamId, 2, [booked(9)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: 2, actual: 'unknown' });
  });

  it('removes the unfinished append of a writer that died, then appends', async () => {
    const { streamId } = await streamWithUnfinishedAppend(2, 5, 3, HOUR);
    const writer = new MongoEventStore(connection, { abandonAfterMs: 60_000 });

    await expect(writer.append(streamId, 2, [booked(3)])).resolves.toMatchObject({
      nextExpectedVersion: 3,
    });
    expect((await writer.load(streamId)).map((e) => e.data)).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    expect(await store.model.countDocuments({ streamId })).toBe(3);
  });

  it('repairs a stream whose very first append was abandoned', async () => {
    const { streamId } = await streamWithUnfinishedAppend(0, 3, 2, HOUR);
    await expect(store.append(streamId, 'noStream', [booked(1)])).resolves.toMatchObject({
      nextExpectedVersion: 1,
    });
    expect(await versions(store, streamId)).toEqual([1]);
  });

  it('lets the relay clear an abandoned append that no writer comes back to', async () => {
    const { streamId } = await streamWithUnfinishedAppend(1, 3, 2, HOUR);
    expect(await pendingOf(streamId)).toEqual([1]);
    expect(await store.model.countDocuments({ streamId })).toBe(1);
  });

  it('never shows part of a large append to a reader polling while it is written', async () => {
    const streamId = `stream-${randomUUID()}`;
    const reader = new MongoEventStore(connection);
    const seen = new Set<number>();
    let writing = true;
    const polling = (async () => {
      while (writing) seen.add((await reader.load(streamId)).length);
    })();
    await store.append(
      streamId,
      'noStream',
      Array.from({ length: 300 }, (_, i) => booked(i)),
    );
    writing = false;
    await polling;
    seen.add((await reader.load(streamId)).length);
    expect([...seen].every((length) => length === 0 || length === 300)).toBe(true);
    expect(seen.has(300)).toBe(true);
  });
});
