import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, HttpAdapterHost } from '@nestjs/core';
import { EventConsumerHost, OutboxRelayHost } from '@thc/messaging';
import type { Server } from 'node:http';

/** Waits after SIGTERM before closing the listener, so the load balancer sees "not ready" first. */
export const DEFAULT_SHUTDOWN_DRAIN_DELAY_MS = 0;
const LISTENER_CLOSE_TIMEOUT_MS = 10_000;

/**
 * The order of a graceful stop, run before any shutdown hook: readiness turns 503 at once;
 * after `SHUTDOWN_DRAIN_DELAY_MS` (set it to the time endpoints take to drop a pod, e.g. 5 s on
 * Kubernetes) the HTTP listener stops accepting connections (requests in flight finish); then
 * the consumers finish the message in flight and commit it, then the outbox relays finish their
 * pass, all while MongoDB and Kafka connections are still open. Nest's own shutdown hooks then
 * find them stopped. Spans are flushed after the application is closed (see `bootstrapService`).
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private stopping = false;
  private signal?: string;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly discovery: DiscoveryService,
  ) {}

  /** True from the moment the shutdown starts. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Records that the process was asked to stop by `signal` (only then the drain delay applies). */
  signalled(signal: string): void {
    this.signal = signal;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const signal = this.signal;
    this.stopping = true;
    const started = Date.now();
    const delay = Number(process.env['SHUTDOWN_DRAIN_DELAY_MS'] ?? DEFAULT_SHUTDOWN_DRAIN_DELAY_MS);
    if (signal !== undefined && delay > 0) await new Promise((r) => setTimeout(r, delay));
    await this.closeListener();
    const instances = this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
    const consumers = instances.filter(
      (i): i is EventConsumerHost => i instanceof EventConsumerHost,
    );
    const relays = instances.filter((i): i is OutboxRelayHost => i instanceof OutboxRelayHost);
    await Promise.all(consumers.map((consumer) => consumer.onApplicationShutdown()));
    await Promise.all(relays.map((relay) => relay.onApplicationShutdown()));
    this.logger.log(
      `drained ${consumers.length} consumer(s) and ${relays.length} relay(s) in ${Date.now() - started} ms${signal ? ` after ${signal}` : ''}`,
    );
  }

  private async closeListener(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    await new Promise<void>((resolve) => {
      // Requests in flight get this long to finish; then their connections are cut.
      const cut = setTimeout(() => server.closeAllConnections(), LISTENER_CLOSE_TIMEOUT_MS);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      // Idle keep-alive connections would hold close() open; busy ones finish their request.
      server.closeIdleConnections();
    });
  }
}
