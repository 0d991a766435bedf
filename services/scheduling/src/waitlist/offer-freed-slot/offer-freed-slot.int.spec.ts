import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useWaitlistApp } from '../testing/waitlist-testbed';

const OFFERED = 'thc.scheduling.WaitlistSlotOffered.v1';

describe('waitlist over HTTP: a cancellation offers the freed slot to the first match', () => {
  const t = useWaitlistApp(new TestNamespace('waitlist-offer'), bearer);
  const offersOf = async (entry: Parameters<typeof t.read>[0]) => (await t.read(entry)).offers;

  it('offers each freed slot to the first waiting patient it suits, one open offer each', async () => {
    const { providerId } = t;
    const first = await t.join({ providerId });
    const second = await t.join();
    const elsewhere = await t.join({ clinicId: randomUUID() });
    const tooLate = await t.join({ earlierThan: '2031-06-01T00:00:00Z' });

    await t.freeSlot('2031-06-10T09:00:00Z', '2031-06-10T09:30:00Z');
    expect(await offersOf(first)).toEqual([
      expect.objectContaining({ providerId, start: '2031-06-10T09:00:00Z' }),
    ]);
    expect(await offersOf(second)).toEqual([]);

    // The first holds an open offer: the next freed slot goes to the second.
    await t.freeSlot('2031-06-11T09:00:00Z', '2031-06-11T09:30:00Z');
    expect(await offersOf(first)).toHaveLength(1);
    expect(await offersOf(second)).toEqual([
      expect.objectContaining({ providerId, start: '2031-06-11T09:00:00Z' }),
    ]);
    expect(await offersOf(elsewhere)).toEqual([]);
    expect(await offersOf(tooLate)).toEqual([]);
    expect(await t.store.model.countDocuments({ type: OFFERED })).toBe(2);
  });
});
