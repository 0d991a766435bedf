import { problemOf } from './api-problem';
import { requestHeaders, RequestOptions, ServiceName, serviceUrl } from './http-client';

export interface StreamEvent {
  readonly event: string;
  readonly data: string;
}

/** Splits a server-sent-events text into complete events; returns the unfinished rest. */
export function parseEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const [field, ...value] = line.split(':');
      const text = value.join(':').replace(/^ /, '');
      if (field === 'event') event = text;
      else if (field === 'data') data.push(text);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Follows a service's live stream (server-sent events) with fetch, so it can send the bearer
 * token or link headers that EventSource cannot. A dropped stream reconnects after a pause that
 * grows to 15 s; a refusal (4xx) stops and is reported. Returns a function that stops it.
 */
export function followStream(
  service: ServiceName,
  path: string,
  options: Omit<RequestOptions, 'method' | 'body' | 'signal'>,
  handlers: {
    onEvent: (event: StreamEvent) => void;
    onRefused?: (problem: Error) => void;
    onConnectionChange?: (connected: boolean) => void;
  },
): () => void {
  const controller = new AbortController();
  let pause = 1000;
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(serviceUrl(service, path), {
          headers: { ...requestHeaders(options), accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (response.status >= 400 && response.status < 500) {
          handlers.onRefused?.(await problemOf(response));
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.onConnectionChange?.(true);
        pause = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEvents(buffer + value);
          buffer = parsed.rest;
          parsed.events.forEach(handlers.onEvent);
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      handlers.onConnectionChange?.(false);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15_000);
    }
  };
  void run();
  return () => controller.abort();
}
