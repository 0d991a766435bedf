import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { readRepoFile, ROOT } from './repo-files';

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;
const DYNAMIC = /\b(?:import|require)\(\s*'([^']+)'\s*\)/g;

function resolveSource(path: string): string {
  const found = [`${path}.ts`, join(path, 'index.ts')].find((p) => existsSync(join(ROOT, p)));
  if (!found) throw new Error(`cannot resolve ${path}`);
  return found;
}

/**
 * The npm packages a TypeScript entry point loads when it runs: its imports, followed through
 * relative paths and the workspace's `@thc/*` aliases (tsconfig.base.json), Node's own modules
 * and type-only imports left out. Errs on the side of more: an import tsc would elide because
 * only its types are used still counts.
 */
export function packagesLoadedBy(entry: string): string[] {
  const aliases = (
    JSON.parse(readRepoFile('tsconfig.base.json')) as {
      compilerOptions: { paths: Record<string, string[]> };
    }
  ).compilerOptions.paths;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readRepoFile(file);
    const specifiers = [
      ...[...source.matchAll(IMPORT)].filter((m) => !m[1]).map((m) => m[2] ?? ''),
      ...[...source.matchAll(DYNAMIC)].map((m) => m[1] ?? ''),
    ];
    for (const specifier of specifiers) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.'))
        visit(resolveSource(normalize(join(dirname(file), specifier))));
      else if (aliases[specifier]?.[0]) visit(aliases[specifier][0]);
      else
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  visit(entry);
  return [...packages].sort();
}
