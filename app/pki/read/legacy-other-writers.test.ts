// Issue 13, other writers than OpenSSL: Java 17's keytool in its Java 8-compatible legacy mode
// (-J-Dkeystore.pkcs12.legacy: PBEWithSHA1AndDESede keys, PBEWithSHA1AndRC2_40 certificates,
// an HmacPBESHA1 MAC) and python cryptography's PBESv1SHA1And3KeyTripleDESCBC. certbench must
// extract the certificates and PKCS#8 keys that openssl extracts from the same file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/judges/index.ts';
import { readInput } from './read-input.ts';

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

const KEYTOOL = ['-J-Dfile.encoding=UTF-8', '-J-Duser.language=en'];
const LEGACY = '-J-Dkeystore.pkcs12.legacy';

/** name → how it is made (in `dir`, password in file `pw`) and its password. */
const FILES: Array<{ name: string; password: string; make: string[][] }> = [
  {
    name: 'Java 8-style legacy store, EC key',
    password: 'changeit',
    make: [
      [
        'keytool',
        ...KEYTOOL,
        LEGACY,
        '-genkeypair',
        '-alias',
        'node1',
        '-keyalg',
        'EC',
        '-groupname',
        'secp256r1',
        '-dname',
        'CN=node1',
        '-validity',
        '30',
        '-storetype',
        'PKCS12',
        '-keystore',
        'out.p12',
        '-storepass:file',
        'pw',
      ],
    ],
  },
  {
    name: 'Java 8-style legacy store, RSA key, two entries',
    password: 'changeit',
    make: [
      [
        'keytool',
        ...KEYTOOL,
        LEGACY,
        '-genkeypair',
        '-alias',
        'a',
        '-keyalg',
        'RSA',
        '-keysize',
        '2048',
        '-dname',
        'CN=a',
        '-validity',
        '30',
        '-storetype',
        'PKCS12',
        '-keystore',
        'out.p12',
        '-storepass:file',
        'pw',
      ],
      [
        'keytool',
        ...KEYTOOL,
        LEGACY,
        '-genkeypair',
        '-alias',
        'b',
        '-keyalg',
        'EC',
        '-groupname',
        'secp384r1',
        '-dname',
        'CN=b',
        '-validity',
        '30',
        '-storetype',
        'PKCS12',
        '-keystore',
        'out.p12',
        '-storepass:file',
        'pw',
      ],
    ],
  },
  {
    name: 'Java 8-style legacy trust store (certificates only, RC2-40)',
    password: 'changeit',
    make: [
      [
        'openssl',
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'ca.key',
        '-subj',
        '/CN=Trust CA',
        '-days',
        '30',
        '-out',
        'ca.pem',
      ],
      [
        'keytool',
        ...KEYTOOL,
        LEGACY,
        '-importcert',
        '-noprompt',
        '-alias',
        'ca',
        '-file',
        'ca.pem',
        '-storetype',
        'PKCS12',
        '-keystore',
        'out.p12',
        '-storepass:file',
        'pw',
      ],
    ],
  },
  {
    name: 'Java 17 default store (PBES2 AES-256, HMAC-SHA-256), the control',
    password: 'changeit',
    make: [
      [
        'keytool',
        ...KEYTOOL,
        '-genkeypair',
        '-alias',
        'node1',
        '-keyalg',
        'EC',
        '-groupname',
        'secp256r1',
        '-dname',
        'CN=node1',
        '-validity',
        '30',
        '-storetype',
        'PKCS12',
        '-keystore',
        'out.p12',
        '-storepass:file',
        'pw',
      ],
    ],
  },
  {
    name: 'python cryptography PBESv1SHA1And3KeyTripleDESCBC, HMAC-SHA-1, Unicode password',
    password: 'pässwörd-密码',
    make: [
      [
        'openssl',
        'req',
        '-x509',
        '-newkey',
        'ed25519',
        '-nodes',
        '-keyout',
        'k.pem',
        '-subj',
        '/CN=py',
        '-days',
        '30',
        '-out',
        'c.pem',
      ],
      [
        'python3',
        '-c',
        `
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12, PrivateFormat
from cryptography.hazmat.primitives.serialization.pkcs12 import PBES
key = serialization.load_pem_private_key(open('k.pem', 'rb').read(), None)
cert = x509.load_pem_x509_certificate(open('c.pem', 'rb').read())
enc = PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2048).key_cert_algorithm(PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(hashes.SHA1()).build(open('pw', 'rb').read().rstrip(b'\\n'))
open('out.p12', 'wb').write(pkcs12.serialize_key_and_certificates(b'py', key, cert, None, enc))
`,
      ],
    ],
  },
];

function pemBlocks(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('hex'));
}

describe('legacy PKCS#12 files from Java keytool and python cryptography', () => {
  const made = new Map<string, { bytes: Uint8Array; certs: string[]; keys: string[] }>();
  beforeAll(() => {
    for (const f of FILES) {
      const dir = mkdtempSync(join(tmpdir(), 'certbench-legacy-writers-'));
      writeFileSync(join(dir, 'pw'), `${f.password}\n`);
      writeFileSync(join(dir, 'pw-openssl'), f.password);
      for (const [tool, ...args] of f.make) {
        const r = run(tool!, args, { cwd: dir, timeoutMs: 120_000 });
        if (r.status !== 0) throw new Error(`${tool} failed for "${f.name}": ${r.stdout}${r.stderr}`);
      }
      const extract = run('openssl', ['pkcs12', '-legacy', '-in', 'out.p12', '-passin', 'file:pw-openssl', '-nodes'], {
        cwd: dir,
      });
      if (extract.status !== 0) throw new Error(`openssl cannot open "${f.name}": ${extract.stderr}`);
      made.set(f.name, {
        bytes: new Uint8Array(readFileSync(join(dir, 'out.p12'))),
        certs: pemBlocks(extract.stdout, 'CERTIFICATE'),
        keys: pemBlocks(extract.stdout, 'PRIVATE KEY'),
      });
    }
  }, 300_000);

  for (const f of FILES) {
    it(f.name, async () => {
      const file = made.get(f.name)!;
      const items = await readInput({ bytes: file.bytes, name: 'store.p12' }, { password: f.password });
      expect(items.filter((i) => i.kind === 'error')).toEqual([]);
      const certs = items.flatMap((i) => (i.kind === 'certificate' ? [hex(i.der)] : []));
      const keys = items.flatMap((i) => (i.kind === 'private-key' ? [hex(i.der)] : []));
      expect(certs.sort()).toEqual([...file.certs].sort());
      expect(keys.sort()).toEqual([...file.keys].sort());
      expect(certs.length).toBeGreaterThan(0);
    });
  }
});
