import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyId, signCheckpoint } from './domain/checkpoint-signature';
import { checkpointSignerFromEnv, publicKeyPem, publicKeysFromPem } from './checkpoint-keys';
import { appendHead, readHeads } from './heads-file';

const pem = (type: 'ed25519' | 'ec') =>
  (type === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('ed25519')
  ).privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
const env =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('the checkpoint signing key', () => {
  it('is required in production, and must be an Ed25519 private key', () => {
    expect(() => checkpointSignerFromEnv(env({ NODE_ENV: 'production' }))).toThrow(
      /AUDIT_SIGNING_KEY_FILE: required in production/,
    );
    expect(() => checkpointSignerFromEnv(env({ AUDIT_SIGNING_KEY: pem('ec') }))).toThrow(
      'AUDIT_SIGNING_KEY: must be an Ed25519 key',
    );
    expect(() => checkpointSignerFromEnv(env({ AUDIT_SIGNING_KEY: 'not a key' }))).toThrow(
      'AUDIT_SIGNING_KEY: not a PEM private key',
    );
    expect(() =>
      checkpointSignerFromEnv(
        env({ AUDIT_SIGNING_KEY: pem('ed25519'), AUDIT_SIGNING_KEY_FILE: '/run/key.pem' }),
      ),
    ).toThrow(/not both/);
  });

  it('is named by its public key, which anyone can export and check with', () => {
    const signer = checkpointSignerFromEnv(
      env({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: pem('ed25519') }),
    );
    expect(signer.development).toBe(false);
    const [exported] = publicKeysFromPem(publicKeyPem(signer.publicKey), 'test');
    expect(exported?.keyId).toBe(signer.keyId);
    expect(publicKeyId(signer.publicKey)).toMatch(/^ed25519-[0-9a-f]{16}$/);
  });
});

describe('the heads file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('only grows, and a line cut short by a crash is not a head', async () => {
    const file = join(dir, 'heads.jsonl');
    expect(await readHeads(file)).toEqual([]);
    const { privateKey } = generateKeyPairSync('ed25519');
    const head = signCheckpoint(privateKey, 'k', {
      seq: 5,
      hash: 'a'.repeat(64),
      signedAt: '2026-03-02T15:00:00.000Z',
    });
    await appendHead(file, head);
    await appendHead(file, { ...head, seq: 10 });
    writeFileSync(file, '{"seq":15,"hash":"', { flag: 'a' });
    expect((await readHeads(file)).map((h) => h.seq)).toEqual([5, 10]);
  });
});
