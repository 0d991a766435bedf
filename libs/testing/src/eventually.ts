/** Polls an assertion until it passes or the time runs out; the last failure is rethrown. */
export async function eventually<T>(
  probe: () => Promise<T>,
  { timeoutMs = 20000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
