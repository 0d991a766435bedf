import { execFileSync } from 'node:child_process';
import { EVENT_CATALOG_FILE } from '../docs-paths';
import { renderEventCatalog } from './event-catalog';

/**
 * docs/events.md exactly as it must be committed: formatted by the repository's Prettier
 * settings, so `npm run format` leaves the generated file unchanged. Prettier runs as its CLI
 * because its API loads ES modules, which Jest's CommonJS runtime cannot.
 */
export function renderEventCatalogFile(): string {
  return execFileSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', EVENT_CATALOG_FILE],
    { input: renderEventCatalog(), encoding: 'utf8' },
  );
}
