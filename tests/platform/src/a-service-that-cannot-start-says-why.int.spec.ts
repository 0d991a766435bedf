import { EVENT_TOPICS } from '@thc/contracts';
import { TestNamespace } from '@thc/testing';
import { createServer, Server } from 'node:net';
import { freePort, ServiceProcess } from './support/service-process';

/**
 * A service that fails to start writes why before it exits. Nest buffers the log lines of a
 * start until the HTTP server listens, so a start that failed before (here: the port is
 * taken) used to exit with an empty log.
 */
describe('a service that cannot start', () => {
  const ns = new TestNamespace('start-failure');
  let taken: Server;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    // The topics it reads exist, as they do wherever it runs: only the port is wrong.
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    const port = await freePort();
    // Holds the port and hangs up at once, so the readiness polls fail fast instead of waiting.
    taken = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    service?.kill();
    await new Promise((resolve) => taken.close(resolve));
    await ns.dispose();
  });

  it('says why in its log, then exits with status 1', async () => {
    const { port } = taken.address() as { port: number };
    service = new ServiceProcess('training', {
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      MONGO_DB_PREFIX: ns.databasePrefix,
    });
    await service.start(port);
    await expect(service.ready(60_000)).rejects.toThrow(/exit code 1/);
    expect(service.logs).toContain(`could not start: listen EADDRINUSE`);
    // The lines written before the failure are there too, as JSON.
    expect(service.logs).toMatch(/"msg":"Starting Nest application\.\.\."/);
  });
});
