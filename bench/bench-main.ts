/**
 * A benchmark's whole-number option: `--name N` on the command line, else the fallback. Refused
 * unless a positive integer, so a typo never runs an hour-long benchmark on the wrong size.
 */
export function integerFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Runs a benchmark file as a script: its exit code says whether it finished. */
export function runAsScript(run: () => Promise<void>): void {
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
