#!/usr/bin/env node
// Readiness check for the local Mailpit (infra/local/infra.sh).
//
// Ready means: GET /readyz answers 200 (Mailpit's database is open) and the SMTP port greets
// with a 220 line, so both the API the tests read and the server the services send to work.
// Needs no npm package (global fetch and node:net).
//
// Usage: node infra/local/wait-mailpit.mjs [--http http://127.0.0.1:8025] [--smtp-port 1025]
//        [--timeout 90]
// Exit codes: 0 ready, 1 not ready before the timeout.
import { connect } from 'node:net';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const http = arg('http', `http://127.0.0.1:${process.env.MAILPIT_HTTP_PORT || '8025'}`);
const smtpPort = Number(arg('smtp-port', process.env.MAILPIT_SMTP_PORT || '1025'));
const timeoutMs = Number(arg('timeout', process.env.THC_READY_TIMEOUT || '90')) * 1000;
const deadline = Date.now() + timeoutMs;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function readyz() {
  const res = await fetch(`${http}/readyz`, { signal: AbortSignal.timeout(3000) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET /readyz answered ${res.status}`);
}

/** Reads the SMTP greeting, says QUIT, resolves with the greeting line. */
function smtpGreeting() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: smtpPort });
    let buffer = '';
    socket.setTimeout(3000, () => socket.destroy(new Error('no SMTP greeting within 3 s')));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      const line = buffer.split('\r\n')[0];
      if (!buffer.includes('\r\n')) return;
      socket.end('QUIT\r\n');
      if (line.startsWith('220')) resolve(line);
      else reject(new Error(`SMTP greeting was "${line}"`));
    });
  });
}

const started = Date.now();
let lastErr;
while (Date.now() < deadline) {
  try {
    await readyz();
    const greeting = await smtpGreeting();
    console.log(
      `wait-mailpit: ready on ${http} and SMTP 127.0.0.1:${smtpPort} (${greeting}, ${Date.now() - started} ms)`,
    );
    process.exit(0);
  } catch (err) {
    lastErr = err;
    await sleep(200);
  }
}
console.error(
  `wait-mailpit: NOT ready on ${http} / SMTP ${smtpPort} after ${Date.now() - started} ms: ${lastErr?.message ?? 'timeout'}`,
);
process.exit(1);
