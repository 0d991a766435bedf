import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './repo-files';

/** A Kubernetes resource as `kustomize build` emits it. */
export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
  };
  readonly [field: string]: unknown;
}

export interface ValidationRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly overlays: ReadonlyMap<string, readonly Resource[]>;
}

/**
 * Builds the overlays with the kustomize API and decodes every resource strictly into the
 * Kubernetes API types (k8s/validate, a Go module from the Go module proxy; the first run
 * compiles it, later runs reuse Go's build cache).
 */
export function buildAndValidate(overlays: readonly string[]): ValidationRun {
  const run = spawnSync('go', ['run', '.', ...overlays.map((o) => `../overlays/${o}`)], {
    cwd: join(ROOT, 'k8s', 'validate'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GOFLAGS: '-mod=readonly', GOTOOLCHAIN: 'local' },
  });
  if (run.error) throw run.error;
  const built = run.stdout.trim()
    ? (JSON.parse(run.stdout) as { overlay: string; resources: Resource[] | null }[])
    : [];
  return {
    status: run.status,
    stderr: run.stderr,
    overlays: new Map(built.map((o) => [o.overlay, o.resources ?? []])),
  };
}
