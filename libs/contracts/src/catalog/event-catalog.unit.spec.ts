import { readFileSync } from 'node:fs';
import { EVENT_CATALOG_FILE } from '../docs-paths';
import { allEventDefinitions } from '../registry/event-registry';
import { renderEventCatalog } from './event-catalog';
import { renderEventCatalogFile } from './event-catalog-file';

describe('docs/events.md', () => {
  it('describes every registered event type', () => {
    const catalog = renderEventCatalog();
    const missing = allEventDefinitions().filter(({ type }) => !catalog.includes(`### ${type}\n`));
    expect(missing.map(({ type }) => type)).toEqual([]);
  });

  it('is committed as generated (if this fails, run `npm run asyncapi`)', () => {
    const committed = readFileSync(EVENT_CATALOG_FILE, 'utf8');
    if (committed !== renderEventCatalogFile()) {
      throw new Error('docs/events.md is out of date with libs/contracts: run `npm run asyncapi`');
    }
  });
});
