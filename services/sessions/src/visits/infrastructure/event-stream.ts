import type { IncomingMessage, ServerResponse } from 'node:http';

/** A comment every 15 s keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** A server-sent events response: named events, a heartbeat, and whether the client is gone. */
export interface EventStream {
  readonly closed: boolean;
  send(event: string, data: unknown): void;
  /** Waits `ms`, or less when the client goes. */
  pause(ms: number): Promise<void>;
  end(): void;
}

/**
 * Starts a `text/event-stream` answer on the response. Not buffered on the way (no-cache,
 * X-Accel-Buffering: no), so each event reaches the browser when it is sent.
 */
export function openEventStream(request: IncomingMessage, response: ServerResponse): EventStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  response.flushHeaders();
  let closed = false;
  let wake: (() => void) | undefined;
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    wake?.();
  };
  request.on('close', close);
  response.on('close', close);
  return {
    get closed() {
      return closed;
    },
    send(event, data) {
      if (!closed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    pause(ms) {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    end() {
      close();
      response.end();
    },
  };
}
