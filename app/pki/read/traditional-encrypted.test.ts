// OpenSSL's traditional PEM encryption ("Proc-Type: 4,ENCRYPTED", DEK-Info), made by openssl
// in the test: every cipher OpenSSL writes there that certbench runs, RSA and EC keys, judged by
// `openssl pkey -pubout` of the original key; then the wrong, the missing password and a cipher
// certbench does not run, named.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/judges/index.ts';
import { readInput } from './read-input.ts';

const CIPHERS = ['des', 'des3', 'aes128', 'aes192', 'aes256'] as const;
const MAKE = `
set -e
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out ec.key
openssl pkey -in rsa.key -pubout -outform DER -out rsa-pub.der
openssl pkey -in ec.key -pubout -outform DER -out ec-pub.der
for c in ${CIPHERS.join(' ')}; do
  openssl rsa -provider legacy -provider default -in rsa.key -traditional -$c -passout pass:pässwörd -out rsa-$c.pem 2>/dev/null
  openssl ec -provider legacy -provider default -in ec.key -$c -passout pass:pässwörd -out ec-$c.pem 2>/dev/null
done
openssl rsa -in rsa.key -traditional -camellia256 -passout pass:pw -out rsa-camellia.pem 2>/dev/null
`;

const hex = (b: ArrayBuffer | Uint8Array | null | undefined) =>
  b ? Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex') : null;

describe('traditionally encrypted PEM keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-traditional-'));
  const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  beforeAll(() => {
    const r = run('sh', ['-c', MAKE], { cwd: dir, timeoutMs: 120_000 });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  }, 120_000);

  for (const key of ['rsa', 'ec'] as const) {
    for (const cipher of CIPHERS) {
      it(`${key.toUpperCase()} key, openssl -${cipher}: the key openssl encrypted`, async () => {
        expect(new TextDecoder().decode(file(`${key}-${cipher}.pem`))).toMatch(/Proc-Type: 4,ENCRYPTED/);
        const items = await readInput({ bytes: file(`${key}-${cipher}.pem`), name: 'k.pem' }, { password: 'pässwörd' });
        expect(items.map((i) => i.kind)).toEqual(['private-key']);
        const [item] = items;
        expect(item?.kind === 'private-key' && item.format).toBe(key === 'rsa' ? 'pkcs1' : 'sec1');
        expect(hex(item?.kind === 'private-key' ? item.publicKeyDer : null)).toBe(hex(file(`${key}-pub.der`)));
      });
    }
  }

  const refusals = [
    {
      name: 'a wrong password says so',
      file: 'rsa-des3.pem',
      password: 'nope',
      code: 'wrong-password',
      message: /^Wrong password: this RSA PRIVATE KEY could not be decrypted with it\.$/,
    },
    {
      name: 'no password asks for it',
      file: 'ec-aes256.pem',
      password: undefined,
      code: 'wrong-password',
      message: /^This EC PRIVATE KEY is encrypted: give its password to read it\.$/,
    },
    {
      name: 'Camellia is named with the conversion',
      file: 'rsa-camellia.pem',
      password: 'pw',
      code: 'unsupported-encryption',
      message:
        /with CAMELLIA-256-CBC, which certbench does not decrypt\. Convert it with OpenSSL 3: `openssl pkcs8 -topk8/,
    },
  ];
  for (const row of refusals) {
    it(row.name, async () => {
      const items = await readInput(
        { bytes: file(row.file), name: 'k.pem' },
        row.password === undefined ? {} : { password: row.password },
      );
      expect(items).toEqual([
        expect.objectContaining({
          kind: 'error',
          code: row.code,
          message: expect.stringMatching(row.message) as unknown,
        }),
      ]);
    });
  }
});
