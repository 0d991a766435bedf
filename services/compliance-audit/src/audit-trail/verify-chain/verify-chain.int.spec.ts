import { eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { publish, publishIntoTrail, useComplianceApp } from '../../testing/compliance-test-app';
import { EntryDocument } from '../audit-trail.collections';
import { entryHash } from '../domain/audit-hash';
import { auditorView } from '../testing/auditor-view';
import { bookingFor } from '../testing/booking-event';

describe('verifying the hash-chained audit trail', () => {
  const ns = new TestNamespace('verify-chain');
  const under = useComplianceApp(ns);
  const { verify, count } = auditorView(under);

  it('signs checkpoints that verification checks', async () => {
    await publishIntoTrail(
      under,
      ns,
      Array.from({ length: 6 }, () => bookingFor(randomUUID())),
      eventually,
    );
    const checkpoints = await under.trail.checkpoints.find().toArray();
    expect(checkpoints.length).toBeGreaterThan(0);
    expect((await verify()).checkpointsVerified).toBe(checkpoints.length);
  });

  describe('tampering directly in MongoDB is found at the right entry', () => {
    let seq: number;
    let originals: EntryDocument[];

    beforeEach(async () => {
      const total = (await count()) + 6;
      await publish(
        under.producer,
        ns,
        Array.from({ length: 6 }, () => bookingFor(randomUUID())),
      );
      await eventually(async () => expect(await count()).toBe(total));
      expect((await verify()).intact).toBe(true);
      seq = total - 3;
      originals = await under.trail.entries.find({ _id: { $gte: seq } }).toArray();
    });

    afterEach(async () => {
      // Put the original documents back: the chain verifies again, so the next case starts clean.
      await under.trail.entries.deleteMany({ _id: { $gte: seq } });
      await under.trail.entries.insertMany(originals);
      expect((await verify()).intact).toBe(true);
    });

    it('an altered entry', async () => {
      await under.trail.entries.updateOne({ _id: seq }, { $set: { 'actor.role': 'admin' } });
      expect((await verify()).firstBreak).toMatchObject({ seq, reason: 'content-altered' });
    });

    it('an altered entry whose own hash was recomputed', async () => {
      const entry = await under.trail.entries.findOne({ _id: seq });
      if (!entry || entry.tombstone) throw new Error('entry missing');
      const { _id, hash: _, ...content } = { ...entry, patientId: randomUUID() };
      await under.trail.entries.updateOne(
        { _id: seq },
        { $set: { patientId: content.patientId, hash: entryHash({ ...content, seq: _id }) } },
      );
      expect((await verify()).firstBreak).toMatchObject({ seq: seq + 1, reason: 'link-broken' });
    });

    it('a deleted entry', async () => {
      await under.trail.entries.deleteOne({ _id: seq });
      expect((await verify()).firstBreak).toMatchObject({ seq, reason: 'missing' });
    });

    it('the last entry deleted', async () => {
      await under.trail.entries.deleteOne({ _id: seq + 3 });
      expect((await verify()).firstBreak).toMatchObject({ seq: seq + 3, reason: 'truncated' });
    });

    it('two entries swapped', async () => {
      const [a, b] = originals;
      if (!a || !b) throw new Error('entries missing');
      await under.trail.entries.deleteMany({ _id: { $in: [seq, seq + 1] } });
      await under.trail.entries.insertMany([
        { ...b, _id: seq },
        { ...a, _id: seq + 1 },
      ]);
      expect((await verify()).firstBreak).toMatchObject({ seq });
    });
  });
});
