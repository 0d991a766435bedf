import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** What the validator itself printed on stderr (its findings), nothing from the Go build. */
  readonly stderr: string;
  readonly overlays: ReadonlyMap<string, readonly Resource[]>;
}

const VALIDATOR_SOURCE = join(ROOT, 'k8s', 'validate');

/**
 * Compiles k8s/validate (a Go module from the Go module proxy) into `dir`. On a cold module
 * cache `go` reports each module it downloads on stderr, so the build's output is only shown
 * when the build fails, and is kept apart from what the validator says.
 */
function buildValidator(dir: string): string {
  const binary = join(dir, 'validate');
  const build = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: VALIDATOR_SOURCE,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GOFLAGS: '-mod=readonly', GOTOOLCHAIN: 'local' },
  });
  if (build.error) throw build.error;
  if (build.status !== 0) {
    throw new Error(`go build in k8s/validate failed (exit ${build.status}):\n${output(build)}`);
  }
  return binary;
}

function output(run: SpawnSyncReturns<string>): string {
  return `${run.stdout}${run.stderr}`.trim();
}

/**
 * Builds the overlays with the kustomize API and decodes every resource strictly into the
 * Kubernetes API types, by compiling the validator once into a scratch directory and running
 * that binary (later compilations reuse Go's build cache).
 */
export function buildAndValidate(overlays: readonly string[]): ValidationRun {
  const dir = mkdtempSync(join(tmpdir(), 'thc-k8s-validate-'));
  try {
    const binary = buildValidator(dir);
    const run = spawnSync(
      binary,
      overlays.map((o) => `../overlays/${o}`),
      {
        cwd: VALIDATOR_SOURCE,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.error) throw run.error;
    const built = run.stdout.trim()
      ? (JSON.parse(run.stdout) as { overlay: string; resources: Resource[] | null }[])
      : [];
    return {
      status: run.status,
      stderr: run.stderr,
      overlays: new Map(built.map((o) => [o.overlay, o.resources ?? []])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
