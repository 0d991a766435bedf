import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux's default first ephemeral port, where `ip_local_port_range` cannot be read. */
const DEFAULT_EPHEMERAL_LOW = 32_768;
const LOWEST = 20_000;

/**
 * The first port of `count` consecutive ports that are free on 127.0.0.1, below the range the
 * system hands out to outgoing connections. A port inside that range can be taken between the
 * choice and the listen by any client socket of the machine (the platform's own services open
 * dozens to Kafka and MongoDB as they start), and the service then cannot bind it.
 */
export async function freePortBlock(count: number, attempts = 50): Promise<number> {
  const high = ephemeralLow() - count;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports between ${LOWEST} and ${high}`);
}

function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > LOWEST + 1000 ? value : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
