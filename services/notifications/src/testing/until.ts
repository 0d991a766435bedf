/**
 * Polls until `check` holds, for the test kits (which may not use @thc/testing: they are not
 * specs); throws `failure` once `timeoutMs` has passed.
 */
export async function until(
  check: () => Promise<boolean>,
  failure: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
