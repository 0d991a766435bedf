import { provideInfrastructure, Infrastructure } from '@thc/testing';

/** Benchmarks run on the same servers as the integration tests (env, containers, or infra/local). */
export async function withBenchInfrastructure(
  run: (infra: Infrastructure) => Promise<void>,
): Promise<void> {
  const infra = await provideInfrastructure();
  try {
    await run(infra);
  } finally {
    await infra.release();
  }
}

export function report(line: string): void {
  process.stdout.write(`${line}\n`);
}
