import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The pids of the local Kafka broker and FerretDB server when infra/local runs them (read from
 * its pid files), so a step can show what they used beside the services. Empty when the
 * servers came from elsewhere. They are shared: other runs on the machine load them too.
 */
export function localInfrastructurePids(root: string): Map<string, number> {
  const runDir = join(process.env['THC_INFRA_DIR'] ?? join(root, '.infra'), 'run');
  const pids = new Map<string, number>();
  for (const name of ['kafka', 'ferretdb']) {
    try {
      const pid = Number(readFileSync(join(runDir, `${name}.pid`), 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0) pids.set(name, pid);
    } catch {
      // not started by infra/local
    }
  }
  return pids;
}
