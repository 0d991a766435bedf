import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { REPO_ROOT } from '../docs-paths';
import { buildAsyncApi } from './build-asyncapi';

/** The document as YAML, exactly as it must be committed. */
export function renderAsyncApiYaml(): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  // No anchors/aliases: shared field schemas are written out in full in every payload, so a
  // consumer can lift one message's schema without resolving anything. Written for YAML 1.1
  // readers too: strings they would take for dates or booleans (2026-03-09T09:00:00Z, yes)
  // get quoted, so every reader sees the strings the schemas expect.
  const document = new Document(buildAsyncApi({ version }), {
    aliasDuplicateObjects: false,
    schema: 'yaml-1.1',
  });
  document.commentBefore =
    ' Generated from the event registry in libs/contracts by `npm run asyncapi`. Do not edit.';
  return document.toString({ lineWidth: 0 });
}
