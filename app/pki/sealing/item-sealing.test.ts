import { describe, expect, it } from 'vitest';
import { isPkiError } from '../errors.ts';
import { batchSealer, createLock, openLock, secretsOpener, type LockKeyWrapping, type SealedSecrets } from './index.ts';
import { unwrapLockKey, wrapLockKey } from './lock-key-wrap.ts';

const wrapping: LockKeyWrapping = { wrap: wrapLockKey, unwrap: unwrapLockKey };
const PASS = 'correct horse battery';
const SECRETS = { keyPem: '-----BEGIN PRIVATE KEY-----\nMIG...\n-----END PRIVATE KEY-----\n' };

async function sealedUnderNewLock() {
  const { header, privateKey } = await createLock(wrapping, PASS, 1000);
  const seal = await batchSealer(header);
  return { header, privateKey, sealed: await seal('aaaa', SECRETS) };
}

const damaged: { name: string; change: (s: SealedSecrets) => { id: string; sealed: SealedSecrets }; want: RegExp }[] = [
  {
    name: 'moved onto another item (the id is the additional data)',
    change: (s) => ({ id: 'bbbb', sealed: s }),
    want: /./,
  },
  {
    name: 'a ciphertext byte changed',
    change: (s) => ({
      id: 'aaaa',
      sealed: { ...s, ciphertext: (s.ciphertext.startsWith('A') ? 'B' : 'A') + s.ciphertext.slice(1) },
    }),
    want: /./,
  },
  {
    name: 'an IV that is not base64',
    change: (s) => ({ id: 'aaaa', sealed: { ...s, iv: 'not base64!' } }),
    want: /^iv: /,
  },
];

describe('item sealing under the key lock', () => {
  it('opens with the lock reopened from its passphrase; the batch shares one ephemeral key, each item its own IV', async () => {
    const { header, sealed } = await sealedUnderNewLock();
    expect(JSON.stringify(sealed)).not.toContain('PRIVATE KEY');
    const reopened = await openLock(wrapping, header, PASS);
    expect(await secretsOpener(reopened)('aaaa', sealed)).toEqual(SECRETS);
    const seal = await batchSealer(header);
    const [one, two] = [await seal('aaaa', SECRETS), await seal('aaaa', SECRETS)];
    expect(one?.epk).toBe(two?.epk);
    expect(one?.iv).not.toBe(two?.iv);
  });

  for (const row of damaged)
    it(`refuses a sealed value ${row.name}`, async () => {
      const { privateKey, sealed } = await sealedUnderNewLock();
      const { id, sealed: changed } = row.change(sealed);
      await expect(secretsOpener(privateKey)(id, changed)).rejects.toThrow(row.want);
    });

  it("another lock's key does not open it", async () => {
    const { sealed } = await sealedUnderNewLock();
    const other = await createLock(wrapping, PASS, 1000);
    await expect(secretsOpener(other.privateKey)('aaaa', sealed)).rejects.toThrow();
  });

  it("a wrong passphrase is 'wrong-password' on 'password', worded for the lock", async () => {
    const { header } = await sealedUnderNewLock();
    const error: unknown = await openLock(wrapping, header, 'not the passphrase').catch((e: unknown) => e);
    expect(isPkiError(error) && [error.code, error.field, error.message]).toEqual([
      'wrong-password',
      'password',
      'Wrong passphrase: it does not unlock the keys. Nothing changed.',
    ]);
  });
});
