#!/usr/bin/env node
// Readiness check for the local MongoDB-wire server (FerretDB) of infra/local/infra.sh.
//
// Ready means: the official mongodb driver connects, `ping` answers, and a document can be
// written to and read back from the backend (so the SQLite directory is usable too).
//
// Usage: node infra/local/wait-mongo.mjs [--url mongodb://127.0.0.1:27017/] [--timeout 90]
// Exit codes: 0 ready, 1 not ready before the timeout, 4 the mongodb package is not installed.

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = arg('url', `mongodb://127.0.0.1:${process.env.MONGO_PORT || '27017'}/`);
const timeoutMs = Number(arg('timeout', process.env.THC_READY_TIMEOUT || '90')) * 1000;
const deadline = Date.now() + timeoutMs;

let MongoClient;
try {
  ({ MongoClient } = await import('mongodb'));
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('wait-mongo: the mongodb package is not installed (run npm install)');
    process.exit(4);
  }
  throw err;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
let lastErr;
while (Date.now() < deadline) {
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: Math.max(500, Math.min(3000, deadline - Date.now())),
    connectTimeoutMS: 3000,
    directConnection: true,
  });
  try {
    await client.connect();
    const db = client.db('__thc_ready');
    await db.command({ ping: 1 });
    const col = db.collection('ready');
    const marker = { _id: `${process.pid}-${Date.now()}` };
    await col.insertOne(marker);
    const back = await col.findOne({ _id: marker._id });
    if (!back) throw new Error('inserted document not found');
    await col.deleteOne({ _id: marker._id });
    const hello = await db.admin().command({ buildInfo: 1 });
    console.log(
      `wait-mongo: ready on ${url} (reports MongoDB ${hello.version}, ${Date.now() - started} ms)`,
    );
    await client.close();
    process.exit(0);
  } catch (err) {
    lastErr = err;
    await client.close().catch(() => {});
    await sleep(300);
  }
}
console.error(
  `wait-mongo: NOT ready on ${url} after ${Date.now() - started} ms: ${lastErr?.message ?? 'timeout'}`,
);
process.exit(1);
