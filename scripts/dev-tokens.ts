// Development tokens for the links `npm start` prints, signed with the local keys (created on
// first use, as `npm run token` does). Each is written beside the keys as <role>.jwt (mode 0600,
// .infra/ is never committed) so a curl line can read it, and printed as JSON:
//   { "<role>": { "subject": "...", "clinics": [...] | "all", "file": "...", "token": "...", "expiresAt": "..." } }
// Subjects are staff of the demo data (THC_DEMO_SEED), so what they do shows under known people.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClinicScope, ensureLocalKeys, Role, signLocalToken } from '@thc/auth';
import { DEFAULT_DEMO_SEED, demoId } from './demo/demo-ids';
import { buildRoster } from './demo/demo-roster';

const TTL_SECONDS = 12 * 3600;

async function main(): Promise<void> {
  const dir = process.env['THC_AUTH_DIR'] ?? join(__dirname, '..', '.infra', 'auth');
  const keys = await ensureLocalKeys(dir);
  const seed = Number(process.env['THC_DEMO_SEED'] ?? DEFAULT_DEMO_SEED);
  const roster = buildRoster(seed, 0);
  // The first coordinator covers the clinics of one state, not all: what they see shows scope.
  const coordinator = roster.staff.find((s) => s.role === 'coordinator');
  const people: Partial<Record<Role, { subject: string; clinics: ClinicScope }>> = {
    analyst: { subject: demoId(seed, 'analyst'), clinics: 'all' },
    coordinator: coordinator
      ? { subject: coordinator.id, clinics: coordinator.clinicIds }
      : { subject: demoId(seed, 'coordinator'), clinics: 'all' },
    admin: { subject: demoId(seed, 'admin'), clinics: 'all' },
  };
  const expiresAt = new Date(Date.now() + TTL_SECONDS * 1000).toISOString();
  const tokens: Record<
    string,
    { subject: string; clinics: ClinicScope; file: string; token: string; expiresAt: string }
  > = {};
  for (const [role, { subject, clinics }] of Object.entries(people) as [
    Role,
    { subject: string; clinics: ClinicScope },
  ][]) {
    const token = await signLocalToken(keys, {
      role,
      subject,
      clinics,
      organizationId: roster.organization.id,
      ttlSeconds: TTL_SECONDS,
    });
    const file = join(dir, `${role}.jwt`);
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    tokens[role] = { subject, clinics, file, token, expiresAt };
  }
  process.stdout.write(`${JSON.stringify(tokens)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
