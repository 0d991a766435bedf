import { join } from 'node:path';

/** The repository root, from this file's place in libs/contracts/src. */
export const REPO_ROOT = join(__dirname, '../../..');

/** The published AsyncAPI document; `npm run asyncapi` writes it, a unit test guards it. */
export const ASYNCAPI_FILE = join(REPO_ROOT, 'docs/asyncapi.yaml');

/** The human-readable event catalog, written and guarded the same way. */
export const EVENT_CATALOG_FILE = join(REPO_ROOT, 'docs/events.md');
