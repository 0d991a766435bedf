/**
 * Follows a server-sent event stream as the visit page and the console do (fetch with headers,
 * which EventSource cannot send), collecting the data of every `event` message in order.
 */
export function followEvents<T>(url: string, headers: Record<string, string>, event: string) {
  const received: T[] = [];
  const abort = new AbortController();
  let closed = false;
  const response = fetch(url, { headers, signal: abort.signal });
  const done = (async () => {
    const body = (await response).body;
    if (!body) throw new Error(`no event stream from ${url}`);
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (message.startsWith(`event: ${event}`) && data) received.push(JSON.parse(data.slice(6)));
      }
    }
    closed = true;
  })().catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'AbortError') throw error;
  });
  return {
    received,
    response,
    done,
    stop: () => abort.abort(),
    /** Whether the server ended the stream. */
    get closed() {
      return closed;
    },
  };
}
