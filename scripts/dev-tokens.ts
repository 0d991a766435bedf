// Development tokens for the links `npm start` prints, signed with the local keys (created on
// first use, as `npm run token` does). Each is written beside the keys as <role>.jwt (mode 0600,
// .infra/ is never committed) so a curl line can read it, and printed as JSON:
//   { "<role>": { "subject": "...", "file": "...", "token": "...", "expiresAt": "..." } }
// Subjects are staff of the demo data (THC_DEMO_SEED), so what they do shows under known people.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalKeys, Role, signLocalToken } from '@thc/auth';
import { DEFAULT_DEMO_SEED, demoId } from './demo/demo-ids';
import { buildRoster } from './demo/demo-roster';

const TTL_SECONDS = 12 * 3600;

async function main(): Promise<void> {
  const dir = process.env['THC_AUTH_DIR'] ?? join(__dirname, '..', '.infra', 'auth');
  const keys = await ensureLocalKeys(dir);
  const seed = Number(process.env['THC_DEMO_SEED'] ?? DEFAULT_DEMO_SEED);
  const roster = buildRoster(seed, 0);
  const coordinator = roster.staff.find((s) => s.role === 'coordinator');
  const subjects: Partial<Record<Role, string>> = {
    analyst: demoId(seed, 'analyst'),
    coordinator: coordinator?.id ?? demoId(seed, 'coordinator'),
    admin: demoId(seed, 'admin'),
  };
  const expiresAt = new Date(Date.now() + TTL_SECONDS * 1000).toISOString();
  const tokens: Record<
    string,
    { subject: string; file: string; token: string; expiresAt: string }
  > = {};
  for (const [role, subject] of Object.entries(subjects) as [Role, string][]) {
    const token = await signLocalToken(keys, { role, subject, ttlSeconds: TTL_SECONDS });
    const file = join(dir, `${role}.jwt`);
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    tokens[role] = { subject, file, token, expiresAt };
  }
  process.stdout.write(`${JSON.stringify(tokens)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
