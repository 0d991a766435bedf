import { TestNamespace } from '@thc/testing';
import { MongoEventStore } from './mongo-event-store';
import { Upcaster } from './upcaster';

// v1 held a duration in minutes; v2 holds it in seconds.
const upcast: Upcaster = (event) =>
  event.type === 'thc.test.VisitPlanned.v1'
    ? {
        ...event,
        type: 'thc.test.VisitPlanned.v2',
        data: { seconds: (event.data as { minutes: number }).minutes * 60 },
      }
    : event;

describe('upcasting on load', () => {
  const ns = new TestNamespace('es-upcast');
  let writer: MongoEventStore;
  let reader: MongoEventStore;

  beforeAll(async () => {
    const connection = await ns.connect('events');
    writer = new MongoEventStore(connection);
    reader = new MongoEventStore(connection, { upcast });
    await writer.init();
  });

  afterAll(() => ns.dispose());

  it('loads old events in their current shape and leaves newer ones alone', async () => {
    await writer.append('visit-1', 'noStream', [
      { type: 'thc.test.VisitPlanned.v1', data: { minutes: 20 } },
      { type: 'thc.test.VisitPlanned.v2', data: { seconds: 600 } },
    ]);
    const events = await reader.load('visit-1');
    expect(events.map(({ type, data, version }) => ({ type, data, version }))).toEqual([
      { type: 'thc.test.VisitPlanned.v2', data: { seconds: 1200 }, version: 1 },
      { type: 'thc.test.VisitPlanned.v2', data: { seconds: 600 }, version: 2 },
    ]);
  });

  it('publishes what was stored: upcasting is for loading only', async () => {
    const pending = await reader.readPending();
    expect(pending.map((e) => e.type)).toEqual([
      'thc.test.VisitPlanned.v1',
      'thc.test.VisitPlanned.v2',
    ]);
  });
});
