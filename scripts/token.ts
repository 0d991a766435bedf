// Prints a development bearer token signed with the local keys:
//   npm run -s token -- --role coordinator [--sub <id>] [--ttl <seconds>] [--clinics <id,id>|*] [--org <id>]
// A staff token covers every clinic (`*`) unless --clinics names them; patients and providers
// carry no clinic scope.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ClinicScope,
  ensureLocalKeys,
  isClinicScopedRole,
  isRole,
  ROLES,
  signLocalToken,
} from '@thc/auth';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      clinics: { type: 'string' },
      org: { type: 'string' },
    },
  });
  if (!isRole(values.role)) {
    throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  }
  const ttl = Number(values.ttl ?? 3600);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new Error('--ttl must be a positive number of seconds');
  const files = await ensureLocalKeys(
    process.env['THC_AUTH_DIR'] ?? join(__dirname, '..', '.infra', 'auth'),
  );
  const clinics: ClinicScope | undefined = !isClinicScopedRole(values.role)
    ? undefined
    : values.clinics === undefined || values.clinics === '*'
      ? 'all'
      : values.clinics.split(',').filter(Boolean);
  const token = await signLocalToken(files, {
    role: values.role,
    subject: values.sub ?? randomUUID(),
    ttlSeconds: ttl,
    ...(clinics === undefined ? {} : { clinics }),
    ...(values.org ? { organizationId: values.org } : {}),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
