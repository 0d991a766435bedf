import { TestNamespace } from '@thc/testing';
import { writeFileSync } from 'node:fs';
import { call } from './visits/testing/http-client';
import { useSessionsApp } from './visits/testing/sessions-testbed';

describe('dump', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-dump'));
  it('dumps', async () => {
    const docs = await call(bed.url, 'GET', '/docs-json', {});
    writeFileSync(
      process.env['DUMP_TO'] ?? '/tmp/sess/openapi.json',
      JSON.stringify(docs.body, null, 1),
    );
  });
});
