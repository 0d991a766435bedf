// `npm run audit:verify -- --from <export.ndjson> --public-key <pem> [--heads <file>]
//   [--every <n>] [--interval-ms <ms>]`: verifies an audit trail export (see README.md) with the
// public key alone. Prints the verdict as JSON; exits 0 when intact, 1 when broken, 2 when the
// input can not be read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeysFromPem } from '../../services/compliance-audit/src/audit-trail/checkpoint-keys';
import { readHeads } from '../../services/compliance-audit/src/audit-trail/heads-file';
import { verifyExport } from './verify-export';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      'public-key': { type: 'string' },
      heads: { type: 'string' },
      every: { type: 'string', default: '1000' },
      'interval-ms': { type: 'string', default: '60000' },
    },
  });
  const every = Number(values.every);
  const intervalMs = Number(values['interval-ms']);
  if (!values.from || !values['public-key'] || !(every >= 1) || !(intervalMs >= 1)) {
    console.error(
      'usage: npm run audit:verify -- --from <export> --public-key <pem file> [--heads <file>] [--every <n>] [--interval-ms <ms>]',
    );
    return 2;
  }
  const publicKeys = publicKeysFromPem(readFileSync(values['public-key'], 'utf8'), '--public-key');
  if (publicKeys.length === 0) throw new Error('--public-key: no public key in the file');
  const verdict = await verifyExport({
    exportFile: values.from,
    publicKeys,
    publishedHeads: values.heads ? await readHeads(values.heads) : [],
    cadence: { every, intervalMs },
    now: new Date(),
  });
  console.log(JSON.stringify(verdict, null, 2));
  return verdict.intact ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify: ${(error as Error).message}`);
    process.exit(2);
  },
);
