/** Resolves at `at` (a performance.now() time), at once if that has passed: open-loop pacing. */
export function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
}
