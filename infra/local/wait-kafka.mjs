#!/usr/bin/env node
// Readiness check for the local Kafka broker (infra/local/infra.sh).
//
// Ready means: a kafkajs admin can create the throwaway topic `__thc_ready`, and a consumer
// in a fresh group can join, get partitions assigned and receive a message produced to that
// topic after it joined. That is exactly what fails on a half-started single-node KRaft
// broker ("group coordinator is not available"), so a passing check means tests can start.
//
// Usage: node infra/local/wait-kafka.mjs [--brokers 127.0.0.1:9092] [--timeout 90]
// Exit codes: 0 ready, 1 not ready before the timeout, 4 kafkajs is not installed.

import { randomUUID } from 'node:crypto';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const brokers = arg('brokers', `127.0.0.1:${process.env.KAFKA_PORT || '9092'}`).split(',');
const timeoutMs = Number(arg('timeout', process.env.THC_READY_TIMEOUT || '90')) * 1000;
const deadline = Date.now() + timeoutMs;
const TOPIC = '__thc_ready';

let kafkajs;
try {
  kafkajs = (await import('kafkajs')).default;
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('wait-kafka: the kafkajs package is not installed (run npm install)');
    process.exit(4);
  }
  throw err;
}
const { Kafka, logLevel, Partitioners } = kafkajs;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const left = () => Math.max(0, deadline - Date.now());

function withDeadline(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), left());
    }),
  ]).finally(() => clearTimeout(timer));
}

const kafka = new Kafka({
  clientId: 'thc-infra-ready',
  brokers,
  logLevel: logLevel.NOTHING,
  connectionTimeout: 3000,
  requestTimeout: 10000,
  retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
});

async function createTopic() {
  let lastErr;
  while (left() > 0) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      // createTopics resolves false when the topic already exists, which is fine.
      await admin.createTopics({
        topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
        timeout: 10000,
      });
      const meta = await admin.fetchTopicMetadata({ topics: [TOPIC] });
      const p = meta.topics[0]?.partitions ?? [];
      if (p.length > 0 && p.every((x) => x.leader >= 0)) return;
      lastErr = new Error(`topic ${TOPIC} has no leader yet`);
    } catch (err) {
      lastErr = err;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(Math.min(500, left()));
  }
  throw new Error(`admin could not create topic ${TOPIC}: ${lastErr?.message ?? 'timeout'}`);
}

async function roundTrip() {
  const groupId = `__thc_ready_${process.pid}_${Date.now()}`;
  const token = randomUUID();
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10000,
    rebalanceTimeout: 10000,
    heartbeatInterval: 1000,
    retry: { retries: 10 },
  });
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  let resolveGot;
  const got = new Promise((r) => (resolveGot = r));
  let resolveJoined;
  const joined = new Promise((r) => (resolveJoined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => resolveJoined());
  let crashErr;
  consumer.on(consumer.events.CRASH, (e) => (crashErr = e.payload?.error));
  try {
    await withDeadline(consumer.connect(), 'consumer connect');
    await withDeadline(
      consumer.subscribe({ topic: TOPIC, fromBeginning: true }),
      'consumer subscribe',
    );
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value?.toString() === token) resolveGot();
      },
    });
    await withDeadline(joined, 'consumer group join');
    await withDeadline(producer.connect(), 'producer connect');
    // Produce until the consumer sees the token (the first fetch may still be positioning).
    const done = (async () => {
      while (left() > 0) {
        await producer.send({ topic: TOPIC, messages: [{ value: token }] });
        const r = await Promise.race([got.then(() => true), sleep(2000).then(() => false)]);
        if (r) return;
      }
    })();
    await withDeadline(
      Promise.race([got, done.then(() => got)]),
      'consumer receiving the produced message',
    );
  } catch (err) {
    if (crashErr) err.message += ` (consumer crashed: ${crashErr.message})`;
    throw err;
  } finally {
    await producer.disconnect().catch(() => {});
    await consumer.disconnect().catch(() => {});
  }
  // Do not leave one empty group per readiness check behind.
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // best effort
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

const started = Date.now();
try {
  await createTopic();
  const t1 = Date.now();
  await roundTrip();
  const t2 = Date.now();
  console.log(
    `wait-kafka: ready on ${brokers.join(',')} (topic ${t1 - started} ms, group join + round trip ${t2 - t1} ms)`,
  );
  process.exit(0);
} catch (err) {
  console.error(
    `wait-kafka: NOT ready on ${brokers.join(',')} after ${Date.now() - started} ms: ${err.message}`,
  );
  process.exit(1);
}
