// `npm run audit:export -- --out <file>`: writes the compliance-audit trail (entries and signed
// checkpoints) as the export `npm run audit:verify` reads (see README.md). Reads the database
// directly (MONGO_URL, MONGO_DB_PREFIX), as the operator who holds its read credentials.
import { mongo } from 'mongoose';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type {
  CheckpointDocument,
  EntryDocument,
  HeadDocument,
} from '../../services/compliance-audit/src/audit-trail/audit-trail.collections';
import { trailExport } from '../../services/compliance-audit/src/audit-trail/export/trail-export';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('usage: npm run audit:export -- --out <file>');
  const client = new mongo.MongoClient(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017');
  await client.connect();
  try {
    const db = client.db(`${process.env['MONGO_DB_PREFIX'] ?? ''}thc_compliance_audit`);
    const out = createWriteStream(values.out, { flags: 'wx', mode: 0o600 });
    let lines = 0;
    for await (const line of trailExport(
      {
        entries: db.collection<EntryDocument>('audit_entries'),
        checkpoints: db.collection<CheckpointDocument>('audit_checkpoints'),
        head: db.collection<HeadDocument>('audit_chain_head'),
      },
      new Date().toISOString(),
    )) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      lines += 1;
    }
    out.end();
    await once(out, 'finish');
    console.error(`audit:export: ${lines} lines written to ${values.out}`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:export: ${(error as Error).message}`);
  process.exit(1);
});
