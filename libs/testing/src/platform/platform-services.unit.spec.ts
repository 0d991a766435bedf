import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtEntryPoint, DEFAULT_PORTS, PLATFORM_SERVICES } from './platform-services';

const ROOT = join(__dirname, '..', '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the platform services the starters run', () => {
  it('are every service folder of the repository, none left out', () => {
    const folders = readdirSync(join(ROOT, 'services'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...PLATFORM_SERVICES].sort()).toEqual(folders.sort());
  });

  it.each(PLATFORM_SERVICES)(
    '%s: its default port is the one the service itself falls back to',
    (service) => {
      const identity = read(`services/${service}/src/service.identity.ts`);
      expect(/defaultPort: (\d+)/.exec(identity)?.[1]).toBe(String(DEFAULT_PORTS[service]));
    },
  );

  it.each(PLATFORM_SERVICES)('%s: its entry point is where its build writes main.js', (service) => {
    const build = JSON.parse(read(`services/${service}/tsconfig.build.json`)) as {
      compilerOptions: { outDir: string };
    };
    const outDir = join('services', service, build.compilerOptions.outDir);
    expect(builtEntryPoint(service)).toBe(
      join(outDir, 'services', service, 'src', 'main.js').replace(/\\/g, '/'),
    );
  });
});
