import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<string>();

/** Runs `work` with `correlationId` as the current correlation id (one request, one flow). */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/** The correlation id of the request or flow being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

// Ids come from callers; anything else (spaces, quotes, very long values) is replaced, so a
// header cannot inject text into logs or make them huge.
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when well formed, else undefined (the caller then makes one). */
export function acceptedCorrelationId(value: unknown): string | undefined {
  const candidate = Array.isArray(value) ? value[0] : value;
  return typeof candidate === 'string' && ACCEPTED.test(candidate) ? candidate : undefined;
}
