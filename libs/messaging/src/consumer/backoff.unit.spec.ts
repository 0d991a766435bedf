import { backoffDelay, sleep } from './backoff';

describe('retry backoff', () => {
  const noJitter = (): number => 0;

  it('doubles from the base delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, 100, 1000, noJitter))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('shortens each delay by at most a fifth, so failed consumers spread out', () => {
    expect(backoffDelay(3, 100, 1000, () => 1)).toBe(320);
  });

  it('ends a sleep at once on shutdown', async () => {
    const shutdown = new AbortController();
    const started = Date.now();
    const sleeping = sleep(60_000, shutdown.signal);
    shutdown.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
