// `npm run erase:patient -- --patient <uuid> --request <reference> [--url <compliance-audit>]
//   [--token-file <file>]`: erases a patient (right to erasure) through compliance-audit's admin
// route. The token comes from --token-file, else THC_ADMIN_TOKEN, else .infra/auth/admin.jwt
// (written by `npm start`). Prints the erasure as JSON; exits 0 when the patient is erased (now
// or before), 1 when refused (409: under legal hold; 403: not an admin), 2 on bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { requestErasure, usageProblems } from './erase-patient';

const DEFAULT_TOKEN_FILE = '.infra/auth/admin.jwt';

function adminToken(file: string | undefined): string | undefined {
  if (file) return readFileSync(file, 'utf8').trim();
  if (process.env['THC_ADMIN_TOKEN']) return process.env['THC_ADMIN_TOKEN'];
  return existsSync(DEFAULT_TOKEN_FILE)
    ? readFileSync(DEFAULT_TOKEN_FILE, 'utf8').trim()
    : undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      patient: { type: 'string' },
      request: { type: 'string' },
      url: { type: 'string', default: process.env['COMPLIANCE_URL'] ?? 'http://127.0.0.1:3004' },
      'token-file': { type: 'string' },
    },
  });
  const request = {
    patientId: values.patient ?? '',
    requestRef: values.request ?? '',
    url: values.url,
    token: adminToken(values['token-file']) ?? '',
  };
  const problems = usageProblems(request);
  if (problems.length > 0) {
    console.error(
      `erase:patient: ${problems.join('; ')}\nusage: npm run erase:patient -- --patient <uuid> --request <reference> [--url <url>] [--token-file <file>]`,
    );
    return 2;
  }
  const result = await requestErasure(request);
  if (result.outcome === 'refused') {
    console.error(`erase:patient: refused (${result.status}): ${result.detail}`);
    return 1;
  }
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`erase:patient: ${(error as Error).message}`);
    process.exit(2);
  },
);
