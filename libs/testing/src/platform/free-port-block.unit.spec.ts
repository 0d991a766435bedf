import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { freePortBlock } from './free-port-block';

const ephemeralLow = (): number => {
  try {
    return Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
    );
  } catch {
    return 32_768;
  }
};

const listen = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('a block of free ports for the platform', () => {
  it('lies below the ports handed out to outgoing connections, and every port of it can be bound', async () => {
    const base = await freePortBlock(5);
    expect(base + 5).toBeLessThanOrEqual(ephemeralLow());
    const servers = await Promise.all([0, 1, 2, 3, 4].map((i) => listen(base + i)));
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
});
