import { randomBytes } from 'node:crypto';
import { EnvMasterKeyring } from './master-keyring';

const entry = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('master keyring from the environment', () => {
  it('wraps a data key so only the keyring can unwrap it', async () => {
    const ring = new EnvMasterKeyring(entry('m1'));
    const dataKey = randomBytes(32);
    const wrapped = await ring.wrap(dataKey);
    expect(wrapped.masterKeyId).toBe('m1');
    expect(Buffer.from(wrapped.ciphertext, 'base64').equals(dataKey)).toBe(false);
    expect((await ring.unwrap(wrapped)).equals(dataKey)).toBe(true);
    await expect(new EnvMasterKeyring(entry('m1')).unwrap(wrapped)).rejects.toThrow();
  });

  it('rotates: new keys use the newest master key, old wrapped keys still open', async () => {
    const old = entry('m1');
    const before = new EnvMasterKeyring(old);
    const dataKey = randomBytes(32);
    const wrappedBefore = await before.wrap(dataKey);
    const after = new EnvMasterKeyring(`${entry('m2')},${old}`);
    expect((await after.unwrap(wrappedBefore)).equals(dataKey)).toBe(true);
    expect(after.isStale(wrappedBefore)).toBe(true);
    expect((await after.wrap(dataKey)).masterKeyId).toBe('m2');
  });

  it.each([[''], ['m1'], ['m1:c2hvcnQ='], ['m1:not base64 at all!!']])(
    'refuses the setting %p',
    (spec) => {
      expect(() => new EnvMasterKeyring(spec)).toThrow('PHI_MASTER_KEYS');
    },
  );
});
