import { expect } from 'expect';

/**
 * The scenario steps are written for Jest and assert with its global `expect` (visits.steps
 * waits for a visit's session that way). The benchmark runs them outside Jest, so it installs
 * the very `expect` package Jest itself uses.
 */
export function installJestExpect(): void {
  const global = globalThis as { expect?: unknown };
  global.expect ??= expect;
}
