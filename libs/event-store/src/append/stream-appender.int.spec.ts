import { TestNamespace } from '@thc/testing';
import { Collection } from 'mongodb';
import { ConcurrencyError } from '../concurrency.error';
import { EventDocument } from '../event-document.schema';
import { StreamReader } from '../reading/stream-reader';
import { KnownHeads } from './known-heads';
import { StreamAppender } from './stream-appender';

const ABANDON_AFTER_MS = 60_000;

describe('StreamAppender, when an insert is slow enough to look abandoned', () => {
  const ns = new TestNamespace('es-slow-writer');
  let events: Collection<EventDocument>;

  beforeAll(async () => {
    events = (await ns.connect('events')).collection<EventDocument>('events');
    await events.createIndex({ streamId: 1, version: 1 }, { unique: true });
  });

  afterAll(() => ns.dispose());

  /** An appender whose inserts take a minute by its clock, during which `meanwhile` happens. */
  const slowAppender = (meanwhile: (inserted: readonly EventDocument[]) => Promise<unknown>) => {
    const slowEvents = new Proxy(events, {
      get: (target, property) => {
        if (property === 'insertMany') {
          return async (documents: EventDocument[], options: object) => {
            const result = await target.insertMany(documents, options);
            await meanwhile(documents);
            return result;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let calls = 0;
    const start = Date.now();
    const now = () => new Date(start + (calls++ === 0 ? 0 : ABANDON_AFTER_MS));
    const heads = new KnownHeads(100);
    const reader = new StreamReader(slowEvents, heads, (event) => event);
    return new StreamAppender(slowEvents, reader, heads, {
      now,
      abandonAfterMs: ABANDON_AFTER_MS,
      maxAttempts: 5,
    });
  };

  const booked = [1, 2, 3].map((n) => ({ type: 'thc.test.Booked.v1', data: { n } }));

  it('keeps the append when all of it is still there', async () => {
    const appender = slowAppender(() => Promise.resolve());
    await expect(appender.append('kept', 'noStream', booked)).resolves.toMatchObject({
      nextExpectedVersion: 3,
    });
    expect(await events.countDocuments({ streamId: 'kept' })).toBe(3);
  });

  it('undoes the append and reports a conflict when another writer cleared part of it', async () => {
    const appender = slowAppender((inserted) => events.deleteOne({ _id: inserted[0]!._id }));
    await expect(appender.append('cleared', 'noStream', booked)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await events.countDocuments({ streamId: 'cleared' })).toBe(0);
  });
});
