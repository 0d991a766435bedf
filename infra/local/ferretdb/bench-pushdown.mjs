#!/usr/bin/env node
// Measures what an event-stream read costs on a MongoDB-wire server: `find({streamId})
// .sort({version})` on a collection with a unique index on {streamId, version}, at several
// collection sizes, next to a raw `_id` lookup on the same collection as the baseline.
// On FerretDB's SQLite backend the stream read is a table scan unless conditions on indexed
// fields are pushed down (patches/sqlite-indexed-conditions-push-down.patch).
//
// Usage: node infra/local/ferretdb/bench-pushdown.mjs [--url [label=]mongodb://...]...
//          [--sizes 5000,50000] [--stream-length 20] [--reads 15]
// Several --url flags measure several servers in one run (e.g. before=... after=...).
// Each server gets a scratch database `__thc_bench_pushdown`, dropped at the end.

import { MongoClient } from 'mongodb';

function args(name) {
  const res = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1]) res.push(process.argv[i + 1]);
  });
  return res;
}

const urls = args('url').map((u) => {
  const m = /^([\w.-]+)=(mongodb.*)$/.exec(u);
  return m ? { label: m[1], url: m[2] } : { label: u, url: u };
});
if (urls.length === 0) {
  const url = process.env.MONGO_URL || 'mongodb://127.0.0.1:27017/';
  urls.push({ label: url, url });
}
const sizes = (args('sizes')[0] ?? '5000,50000').split(',').map(Number);
const streamLength = Number(args('stream-length')[0] ?? 20);
const reads = Number(args('reads')[0] ?? 15);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function fill(coll, size) {
  await coll.drop().catch(() => {});
  await coll.createIndex({ streamId: 1, version: 1 }, { unique: true });
  const base = Date.UTC(2024, 5, 1);
  for (let from = 0; from < size; from += 1000) {
    const docs = [];
    for (let i = from; i < Math.min(size, from + 1000); i++) {
      docs.push({
        _id: `event-${i}`,
        streamId: `stream-${Math.floor(i / streamLength)}`,
        version: (i % streamLength) + 1,
        type: 'VisitBooked',
        at: new Date(base + i * 1000),
        data: { patientId: `patient-${i % 997}`, slot: i % 48, note: 'x'.repeat(40) },
      });
    }
    await coll.insertMany(docs, { ordered: false });
  }
}

async function measure({ label, url }, size) {
  const client = await new MongoClient(url, { directConnection: true }).connect();
  try {
    const coll = client.db('__thc_bench_pushdown').collection(`events_${size}`);
    await fill(coll, size);
    const streams = Math.ceil(size / streamLength);
    const pick = (k) => (k * 7919) % streams;

    // One warm-up read of each kind, then `reads` reads of streams spread over the collection.
    await coll.find({ streamId: 'stream-0' }).sort({ version: 1 }).toArray();
    await coll.findOne({ _id: 'event-0' });

    const streamMs = [];
    const idMs = [];
    for (let k = 1; k <= reads; k++) {
      const s = pick(k);
      let found = 0;
      streamMs.push(
        await timed(async () => {
          found = (
            await coll
              .find({ streamId: `stream-${s}` })
              .sort({ version: 1 })
              .toArray()
          ).length;
        }),
      );
      if (found !== Math.min(streamLength, size - s * streamLength)) {
        throw new Error(`stream-${s}: ${found} events read`);
      }
      idMs.push(await timed(() => coll.findOne({ _id: `event-${s * streamLength}` })));
    }
    const explain = await coll.find({ streamId: 'stream-0' }).sort({ version: 1 }).explain();
    const plan = explain.queryPlanner?.Plan?.join(' | ') ?? 'n/a (not FerretDB)';
    return { label, size, stream: median(streamMs), id: median(idMs), plan };
  } finally {
    await client
      .db('__thc_bench_pushdown')
      .dropDatabase()
      .catch(() => {});
    await client.close();
  }
}

const rows = [];
for (const target of urls) {
  for (const size of sizes) {
    const r = await measure(target, size);
    rows.push(r);
    console.error(`${r.label} ${r.size}: plan ${r.plan}`);
  }
}

const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
console.log(
  `\nfind({streamId}).sort({version}), ${streamLength} events per stream, median of ${reads} reads`,
);
console.log(
  ['server', 'documents', 'stream read', '_id lookup', 'ratio'].map((h) => h.padEnd(12)).join(' '),
);
for (const r of rows) {
  console.log(
    [r.label, String(r.size), fmt(r.stream), fmt(r.id), `${(r.stream / r.id).toFixed(1)}x`]
      .map((c) => c.padEnd(12))
      .join(' '),
  );
}
