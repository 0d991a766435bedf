import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderEventCatalogFile } from '../catalog/event-catalog-file';
import { ASYNCAPI_FILE, EVENT_CATALOG_FILE } from '../docs-paths';
import { renderAsyncApiYaml } from './asyncapi-file';

// Entry point of `npm run asyncapi`: regenerate the committed documents from the registry.
for (const [file, render] of [
  [ASYNCAPI_FILE, renderAsyncApiYaml],
  [EVENT_CATALOG_FILE, renderEventCatalogFile],
] as const) {
  writeFileSync(file, render());
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
