// Issue 13: PKCS#12 files and encrypted keys of every common vintage, made in this test by
// OpenSSL 3 (with -legacy and the legacy provider where needed) and read by certbench. Every
// algorithm meets RSA, EC and Ed25519 keys and ASCII, Unicode and empty passwords; certbench must
// extract the same certificates and the same PKCS#8 key (DER) that openssl extracts, and that
// python cryptography 48 extracts where it has the algorithm. Then the
// refusals: a wrong password says so, an unsupported algorithm is named, an iteration count over
// the limit is refused with its number, and a two-password file says which part refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo } from '@peculiar/asn1-cms';
import { AuthenticatedSafe, PFX } from '@peculiar/asn1-pfx';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatrix, matrixPlan, PASSWORDS, type MatrixFile } from '../legacy/testing/openssl-matrix.ts';
import { pythonReadAll, type PythonReading } from '../legacy/testing/python-pkcs-judge.ts';
import { assemblePfx } from '../pkcs12/pfx.ts';
import { run } from '../../test/judges/index.ts';
import { readInput } from './read-input.ts';
import type { Item } from './types.ts';

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
const errorsOf = (items: Item[]) => items.flatMap((i) => (i.kind === 'error' ? [`${i.code}: ${i.message}`] : []));
/** A dotted OID anywhere in a message: refusals must name algorithms in words. */
const DOTTED_OID = /\b\d+(\.\d+){4,}\b/;

describe('legacy keystores and keys made by openssl: certbench extracts what openssl extracts', () => {
  const files = new Map<string, MatrixFile>();
  const python = new Map<string, PythonReading>();
  beforeAll(() => {
    const built = buildMatrix();
    const readings = pythonReadAll(
      built.map((f) => ({ container: f.container, bytes: f.bytes, password: PASSWORDS[f.password] })),
    );
    built.forEach((f, i) => {
      files.set(`${f.container} ${f.algorithm} ${f.key}`, f);
      python.set(`${f.container} ${f.algorithm} ${f.key}`, readings[i]!);
    });
  }, 600_000);

  /**
   * What python cryptography 48 cannot open of the matrix, with a password it takes: PKCS#5
   * PBES1 other than MD5-DES, single DES and RC2 other than 128-bit in PBES2, and the SHA-512/t
   * PRFs. It also takes an empty key password as none, so empty-password PKCS#8 files are out
   * for it. Everything else it opens must give the same key and certificates as certbench.
   */
  const PYTHON_LACKS = [
    'pkcs8 PBE-MD5-RC2-64',
    'pkcs8 PBE-SHA1-DES',
    'pkcs8 PBE-SHA1-RC2-64',
    'pkcs8 PBES2 DES-CBC',
    'pkcs8 PBES2 PRF HMAC-SHA-512/224',
    'pkcs8 PBES2 PRF HMAC-SHA-512/256',
    'pkcs8 PBES2 RC2-CBC 40',
    'pkcs8 PBES2 RC2-CBC 64',
  ];
  it('python cryptography, the second judge, opens all but the algorithms it lacks', () => {
    const refused = [...python].filter(([, r]) => !r.ok).map(([id]) => ({ id, file: files.get(id)! }));
    const withPassword = refused
      .filter((r) => r.file.password !== 'empty')
      .map((r) => r.id.replace(/ (rsa|ec|ed25519)$/, ''));
    expect([...new Set(withPassword)].sort()).toEqual(PYTHON_LACKS);
    expect(refused.filter((r) => r.file.password === 'empty').every((r) => r.file.container === 'pkcs8')).toBe(true);
  });

  for (const planned of matrixPlan()) {
    const id = `${planned.container} ${planned.algorithm} ${planned.key}`;
    it(`${planned.container === 'pkcs12' ? 'PKCS#12' : 'PKCS#8'} ${planned.algorithm}, ${planned.key} key, ${planned.password} password`, async () => {
      const f = files.get(id)!;
      const items = await readInput({ bytes: f.bytes, name: 'f' }, { password: PASSWORDS[f.password] });
      expect(errorsOf(items)).toEqual([]);
      const certs = items.flatMap((i) => (i.kind === 'certificate' ? [hex(i.der)] : []));
      const keys = items.flatMap((i) => (i.kind === 'private-key' ? [i] : []));
      if (f.container === 'pkcs12') expect(certs).toEqual(f.opensslCerts.map(hex));
      expect(keys.map((k) => hex(k.der))).toEqual([hex(f.opensslKey)]);
      expect(keys[0]!.publicKeyDer).not.toBeNull();
      const py = python.get(id)!;
      if (py.ok) {
        expect(hex(keys[0]!.der)).toBe(py.key);
        if (f.container === 'pkcs12') expect(certs).toEqual(py.certs);
      }
    });
  }
});

/** One-off files for the refusal cases, made by openssl in a scratch folder. */
const REFUSALS = `
set -e
printf '%s' 'secret-pw' > pw
printf '%s' 'pässwörd' > pw-unicode
# OpenSSL 1.0.2 wrote a non-ASCII password's UTF-8 bytes as if each were a Latin-1 character;
# this is that string, which OpenSSL 3 turns into the very BMPString 1.0.2 made.
python3 -c "import sys; sys.stdout.write('pässwörd'.encode('utf-8').decode('latin-1'))" > pw-broken
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out k.pem
openssl req -x509 -key k.pem -subj /CN=refusals.example -days 30 -out c.pem
openssl pkcs12 -export -legacy -in c.pem -inkey k.pem -passout file:pw -out legacy.p12
openssl pkcs12 -export -legacy -keypbe PBE-SHA1-RC4-128 -certpbe PBE-SHA1-RC4-128 -nomac -in c.pem -inkey k.pem -passout file:pw -out rc4-nomac.p12
openssl pkcs12 -export -legacy -in c.pem -inkey k.pem -passout file:pw-broken -out openssl102.p12
openssl pkcs12 -export -keypbe camellia-256-cbc -certpbe aria-128-cbc -in c.pem -inkey k.pem -passout file:pw -out camellia.p12
openssl pkcs12 -export -macalg sha3-256 -in c.pem -inkey k.pem -passout file:pw -out sha3.p12
openssl pkcs12 -export -keypbe NONE -certpbe NONE -iter 1000000 -in c.pem -inkey k.pem -passout file:pw -out mac1m.p12
openssl pkcs12 -export -nokeys -certpbe NONE -iter 10000000 -in c.pem -passout file:pw -out mac10m.p12
openssl pkcs8 -topk8 -provider legacy -provider default -v1 PBE-MD5-DES -in k.pem -passout file:pw -out md5-des.p8
openssl pkcs8 -topk8 -provider legacy -provider default -v2 des3 -in k.pem -passout file:pw -out des3.p8
openssl pkcs8 -topk8 -scrypt -in k.pem -passout file:pw -out scrypt.p8
for c in bf-cbc seed-cbc cast5-cbc aria-256-cbc camellia-128-cbc; do
  openssl pkcs8 -topk8 -provider legacy -provider default -v2 $c -in k.pem -passout file:pw -out $c.p8
done
openssl pkcs8 -topk8 -nocrypt -in k.pem -outform DER -out k.der
openssl x509 -in c.pem -outform DER -out c.der
`;

describe('legacy refusals and edge cases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-legacy-refusals-'));
  const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  beforeAll(() => {
    writeFileSync(join(dir, 'make.sh'), REFUSALS);
    const r = run('sh', ['make.sh'], { cwd: dir, timeoutMs: 300_000 });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  }, 300_000);

  const rows: Array<{
    name: string;
    file: string;
    password: string;
    want: Array<{ kind: Item['kind']; code?: string; message?: RegExp }>;
  }> = [
    {
      name: 'wrong password, PKCS#12 -legacy: the MAC says so',
      file: 'legacy.p12',
      password: 'nope',
      want: [
        { kind: 'error', code: 'wrong-password', message: /^Wrong password: the PKCS#12 integrity check \(MAC\)/ },
      ],
    },
    {
      // openssl -nomac leaves the certificates unencrypted; the RC4 key bag is the test.
      name: 'wrong password, RC4 without a MAC (no padding to fail): the shape check says so',
      file: 'rc4-nomac.p12',
      password: 'nope',
      want: [
        { kind: 'certificate' },
        {
          kind: 'error',
          code: 'wrong-password',
          message: /^Wrong password: the private key in bag 2 could not be decrypted with it/,
        },
      ],
    },
    {
      name: 'wrong password, PKCS#5 PBE-MD5-DES key',
      file: 'md5-des.p8',
      password: 'nope',
      want: [{ kind: 'error', code: 'wrong-password', message: /^Wrong password/ }],
    },
    {
      name: 'wrong password, PBES2 DES-EDE3-CBC key',
      file: 'des3.p8',
      password: 'nope',
      want: [{ kind: 'error', code: 'wrong-password', message: /^Wrong password/ }],
    },
    {
      name: 'RC4 without a MAC opens with the right password',
      file: 'rc4-nomac.p12',
      password: 'secret-pw',
      want: [{ kind: 'certificate' }, { kind: 'private-key' }],
    },
    {
      name: 'a Unicode password as OpenSSL 1.0.2 encoded it opens with the password as typed',
      file: 'openssl102.p12',
      password: 'pässwörd',
      want: [{ kind: 'certificate' }, { kind: 'private-key' }],
    },
    {
      name: 'Camellia keys and ARIA certificates are named with the conversion',
      file: 'camellia.p12',
      password: 'secret-pw',
      want: [
        {
          kind: 'error',
          code: 'unsupported-encryption',
          message:
            /ARIA-128-CBC, which certbench does not decrypt\. Convert it with OpenSSL 3: `openssl pkcs12 -legacy/,
        },
        { kind: 'error', code: 'unsupported-encryption', message: /Camellia-256-CBC/ },
      ],
    },
    {
      name: 'a SHA3-256 MAC is named',
      file: 'sha3.p12',
      password: 'secret-pw',
      want: [{ kind: 'error', code: 'unsupported-encryption', message: /protected with SHA3-256.*openssl pkcs12/ }],
    },
    {
      name: 'a 1,000,000-iteration MAC opens',
      file: 'mac1m.p12',
      password: 'secret-pw',
      want: [{ kind: 'certificate' }, { kind: 'private-key' }],
    },
    {
      name: 'a 10,000,000-iteration MAC is refused with both numbers',
      file: 'mac10m.p12',
      password: 'secret-pw',
      want: [
        {
          kind: 'error',
          code: 'input-too-large',
          message: /^MAC iteration count 10,000,000 exceeds the limit of 5,000,000/,
        },
      ],
    },
    {
      name: 'scrypt is named',
      file: 'scrypt.p8',
      password: 'secret-pw',
      want: [
        {
          kind: 'error',
          code: 'unsupported-encryption',
          message: /This private key is protected with scrypt.*openssl pkcs8 -topk8/,
        },
      ],
    },
    ...(
      [
        ['bf-cbc', 'Blowfish-CBC'],
        ['seed-cbc', 'SEED-CBC'],
        ['cast5-cbc', 'CAST5-CBC'],
        ['aria-256-cbc', 'ARIA-256-CBC'],
        ['camellia-128-cbc', 'Camellia-128-CBC'],
      ] as const
    ).map(([cipher, name]) => ({
      name: `PBES2 ${cipher} is named ${name}`,
      file: `${cipher}.p8`,
      password: 'secret-pw',
      want: [
        { kind: 'error' as const, code: 'unsupported-encryption', message: new RegExp(`protected with ${name}, `) },
      ],
    })),
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const items = await readInput({ bytes: file(row.file), name: row.file }, { password: row.password });
      expect(items.map((i) => i.kind)).toEqual(row.want.map((w) => w.kind));
      row.want.forEach((w, n) => {
        const item = items[n]!;
        if (w.code) expect(item.kind === 'error' && item.code).toBe(w.code);
        if (w.message) expect(item.kind === 'error' ? item.message : '').toMatch(w.message);
        if (item.kind === 'error') expect(item.message).not.toMatch(DOTTED_OID);
      });
      const key = items.find((i) => i.kind === 'private-key');
      if (key) expect(hex(key.der)).toBe(hex(file('k.der')));
      const cert = items.find((i) => i.kind === 'certificate');
      if (cert) expect(hex(cert.der)).toBe(hex(file('c.der')));
    });
  }

  it('openssl 3 itself opens the OpenSSL 1.0.2 file only through its "broken algorithm" fallback', () => {
    const r = run('openssl', [
      'pkcs12',
      '-legacy',
      '-in',
      join(dir, 'openssl102.p12'),
      '-passin',
      `file:${join(dir, 'pw-unicode')}`,
      '-noout',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/using broken algorithm/);
  });

  it('a file whose MAC takes one password and whose contents take another names the part that refused', async () => {
    // The contents of an openssl -legacy file (encrypted with "secret-pw") sealed by certbench's own
    // writer with a MAC over "mac-pw": what `openssl pkcs12 -twopass` files are.
    const pfx = AsnConvert.parse(file('legacy.p12'), PFX);
    const authSafe = AsnConvert.parse(pfx.authSafe.content, OctetString);
    const contents = AsnConvert.parse(authSafe.buffer, AuthenticatedSafe);
    const twoPasswords = await assemblePfx([...contents], 'mac-pw', 2048);
    const items = await readInput({ bytes: twoPasswords, name: 'two.p12' }, { password: 'mac-pw' });
    expect(errorsOf(items)).toEqual([
      expect.stringMatching(
        /^wrong-password: The password opens this PKCS#12 file's integrity check \(MAC\) but not the encrypted certificates \(content block 1\): the file was made with two passwords/,
      ),
      expect.stringMatching(/but not the private key in bag 1/),
    ]);
  });

  it('a part in public-key privacy mode is named as such, without its OID', async () => {
    const enveloped = new ContentInfo({
      contentType: '1.2.840.113549.1.7.3',
      content: new Uint8Array([0x30, 0x00]).buffer,
    });
    const items = await readInput(
      { bytes: await assemblePfx([enveloped], 'pw', 2048), name: 'env.p12' },
      { password: 'pw' },
    );
    expect(errorsOf(items)).toEqual([
      'unsupported-encryption: This PKCS#12 file protects content block 1 with public-key encryption (PKCS#7 enveloped data); certbench reads password-protected files only.',
    ]);
  });
});
