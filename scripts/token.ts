// Prints a development bearer token signed with the local keys:
//   npm run -s token -- --role coordinator [--sub <id>] [--ttl <seconds>]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLocalKeys, isRole, ROLES, signLocalToken } from '@thc/auth';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
  });
  if (!isRole(values.role)) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  }
  const ttl = Number(values.ttl ?? 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a positive number of seconds');
  const files = await ensureLocalKeys(process.env['THC_AUTH_DIR'] ?? join(__dirname, '..', '.infra', 'auth'));
  process.stdout.write(`${await signLocalToken(files, { role: values.role, subject: values.sub ?? randomUUID(), ttlSeconds: ttl })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
