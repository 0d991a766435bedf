import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Clone {
  readonly firstFile: { readonly name: string; readonly start: number; readonly end: number };
  readonly secondFile: { readonly name: string; readonly start: number; readonly end: number };
}

/**
 * A block of twelve lines or more stands once in services/ and libs/: a second copy is shared
 * (a function, a table of cases, a test kit, a library) instead. The contract definitions are
 * left out: each is one event's schema, alike in form by design.
 */
describe('code written once', () => {
  it('finds no block of 12 or more lines twice in services/ and libs/', () => {
    const out = mkdtempSync(join(tmpdir(), 'jscpd-'));
    try {
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'jscpd', 'bin', 'jscpd'),
          '--min-lines',
          '12',
          '--format',
          'typescript',
          '--ignore',
          '**/libs/contracts/src/registry/**,**/node_modules/**,**/dist/**',
          '--reporters',
          'json',
          '--output',
          out,
          '--silent',
          'services',
          'libs',
        ],
        { cwd: ROOT, stdio: 'ignore' },
      );
      const report = JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8')) as {
        duplicates: Clone[];
      };
      const pairs = report.duplicates.map(
        ({ firstFile: a, secondFile: b }) =>
          `${a.name}:${a.start}-${a.end} ~ ${b.name}:${b.start}-${b.end}`,
      );
      expect(pairs).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
