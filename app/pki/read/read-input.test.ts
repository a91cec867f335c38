// readInput over files made by openssl (and one CRL by python cryptography): every format the
// issue names, the password cases, and the error sentences. Keys are judged by openssl too:
// the public key we derive equals `openssl pkey -pubout` of the original file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ECPrivateKey } from '@peculiar/asn1-ecc';
import { Convert } from 'pvtsutils';
import { beforeAll, describe, expect, it } from 'vitest';
import { pemDecodeAll, pemEncode } from '../pem.ts';
import { readInput } from './read-input.ts';
import { judge, judgeBytes, pythonBytes } from './test-judges.ts';
import { childrenOf, readWhole, type Tlv } from '../asn1/tlv.ts';
import type { Item, ReadInput } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-read-'));
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

const MAKE = `
set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.crt -subj "/CN=node1.example" -addext "subjectAltName=DNS:node1.example" -days 30 2>/dev/null
openssl x509 -in ec.crt -outform DER -out ec.der
openssl x509 -in ec.crt -text > ec-text.txt
openssl x509 -in ec.crt -trustout -addtrust serverAuth -out trusted.pem
openssl pkey -in ec.key -pubout -outform DER -out ec-pub.der
openssl pkey -in ec.key -pubout -out ec-pub.pem
openssl pkcs12 -export -in ec.crt -inkey ec.key -out aes.p12 -passout pass:secret
openssl pkcs12 -export -in ec.crt -inkey ec.key -out sha512.p12 -passout pass:secret -macalg sha512
openssl pkcs12 -export -in ec.crt -inkey ec.key -out empty.p12 -passout pass:
openssl pkcs12 -export -legacy -in ec.crt -inkey ec.key -out legacy.p12 -passout pass:secret
openssl pkcs12 -export -in ec.crt -nokeys -out certonly.p12 -passout pass:secret
openssl pkcs12 -export -in ec.crt -nokeys -out slowmac.p12 -passout pass:secret -maciter -iter 1000000
openssl pkcs12 -export -in ec.crt -inkey ec.key -out nomac.p12 -passout pass:secret -nomac
openssl crl2pkcs7 -nocrl -certfile ec.crt -out bundle.p7b -outform DER
openssl crl2pkcs7 -nocrl -certfile ec.crt -out bundle-p7.pem
openssl pkcs8 -topk8 -in ec.key -out enc-sha256.p8 -passout pass:secret -v2 aes-256-cbc
openssl pkcs8 -topk8 -in ec.key -out enc-sha1.p8 -passout pass:secret -v2 aes-128-cbc -v2prf hmacWithSHA1
openssl pkcs8 -topk8 -in ec.key -out enc-sha512.p8 -passout pass:secret -v2 aes-192-cbc -v2prf hmacWithSHA512 -outform DER
openssl pkcs8 -topk8 -in ec.key -out enc-slow.p8 -passout pass:secret -v2 aes-256-cbc -iter 3000000
openssl pkcs8 -topk8 -in ec.key -out enc-3des.p8 -passout pass:secret -v1 PBE-SHA1-3DES
openssl genrsa -traditional -out rsa-pkcs1.pem 2048 2>/dev/null
openssl pkey -in rsa-pkcs1.pem -pubout -outform DER -out rsa-pub.der
openssl rsa -in rsa-pkcs1.pem -RSAPublicKey_out -out rsa-pkcs1-pub.pem 2>/dev/null
openssl rsa -in rsa-pkcs1.pem -aes128 -traditional -passout pass:secret -out rsa-legacy-enc.pem 2>/dev/null
openssl ecparam -genkey -name secp384r1 -out sec1-with-params.pem
openssl pkey -in sec1-with-params.pem -pubout -outform DER -out sec1-pub.der
openssl genpkey -algorithm ed25519 -out ed.key
openssl pkey -in ed.key -pubout -outform DER -out ed-pub.der
openssl req -new -key ec.key -subj "/CN=csr.example" -addext "subjectAltName=DNS:csr.example" -out req.csr
openssl req -new -key ec.key -subj "/CN=csr.example" -outform DER -out req.der
`;

const CRL_PY = `
import datetime, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
key = ec.generate_private_key(ec.SECP256R1())
now = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
b = x509.CertificateRevocationListBuilder().issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'Test CA')]))
b = b.last_update(now).next_update(now + datetime.timedelta(days=7))
for serial in (0x1234, 0xabcdef):
    b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now).build())
sys.stdout.buffer.write(b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER))
`;

/** EC PARAMETERS block, then a SEC1 key that omits its curve (only the block names it). */
function sec1WithoutCurve(): string {
  const [params, key] = pemDecodeAll(text('sec1-with-params.pem')).blocks;
  if (!params || !key) throw new Error('fixture');
  const parsed = AsnConvert.parse(key.der, ECPrivateKey);
  const bare = AsnConvert.serialize(new ECPrivateKey({ version: 1, privateKey: parsed.privateKey }));
  return pemEncode('EC PARAMETERS', params.der) + pemEncode('EC PRIVATE KEY', bare);
}

const ber = (tag: number, parts: Uint8Array[]) => new Uint8Array([tag, 0x80, ...parts.flatMap((p) => [...p]), 0, 0]);

/**
 * The AES PKCS#12 re-encoded the way Windows writes PFX files: BER indefinite lengths on the
 * outer containers and the authenticated safe as a constructed OCTET STRING in 1000-byte
 * pieces. The MAC covers the content octets only, so it stays valid.
 */
function berPkcs12(): Uint8Array {
  const der = file('aes.p12');
  const root = readWhole(der);
  const [version, authSafe, mac] = childrenOf(der, root);
  const [type, wrapper] = authSafe ? childrenOf(der, authSafe) : [];
  const [octets] = wrapper ? childrenOf(der, wrapper) : [];
  if (!version || !mac || !type || !octets) throw new Error('fixture');
  const content = der.subarray(octets.contentStart, octets.contentEnd);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < content.length; i += 1000) {
    const piece = content.subarray(i, i + 1000);
    pieces.push(new Uint8Array([0x04, 0x82, piece.length >> 8, piece.length & 0xff, ...piece]));
  }
  const slice = (t: Tlv) => der.subarray(t.start, t.end);
  return ber(0x30, [slice(version), ber(0x30, [slice(type), ber(0xa0, [ber(0x24, pieces)])]), slice(mac)]);
}

interface Want {
  kind: Item['kind'];
  format?: string;
  code?: string;
  message?: RegExp;
  spki?: string;
  source?: RegExp;
}
interface Row {
  name: string;
  input: () => ReadInput;
  password?: string;
  timeBudgetMs?: number;
  want: Want[];
}

const rows: Row[] = [
  { name: 'PEM certificate', input: () => ({ bytes: file('ec.crt') }), want: [{ kind: 'certificate' }] },
  { name: 'DER certificate', input: () => ({ bytes: file('ec.der') }), want: [{ kind: 'certificate' }] },
  {
    name: 'openssl x509 -text dump with the PEM inside',
    input: () => ({ text: text('ec-text.txt') }),
    want: [{ kind: 'certificate' }],
  },
  {
    name: 'Windows line ends and leading spaces',
    input: () => ({
      text: text('ec.crt')
        .split('\n')
        .map((l) => `   ${l}`)
        .join('\r\n'),
    }),
    want: [{ kind: 'certificate' }],
  },
  {
    name: 'bare base64 of a DER certificate',
    input: () => ({ text: Convert.ToBase64(file('ec.der')) }),
    want: [{ kind: 'certificate' }],
  },
  {
    name: 'OpenSSL TRUSTED CERTIFICATE',
    input: () => ({ bytes: file('trusted.pem') }),
    want: [{ kind: 'certificate' }],
  },
  { name: 'PKCS#7 DER (.p7b)', input: () => ({ bytes: file('bundle.p7b') }), want: [{ kind: 'certificate' }] },
  { name: 'PKCS#7 PEM', input: () => ({ bytes: file('bundle-p7.pem') }), want: [{ kind: 'certificate' }] },
  {
    name: 'PKCS#12 AES (OpenSSL 3 default)',
    input: () => ({ bytes: file('aes.p12') }),
    password: 'secret',
    want: [{ kind: 'certificate' }, { kind: 'private-key', format: 'pkcs12', spki: 'ec-pub.der' }],
  },
  {
    name: 'PKCS#12 from Java keytool, entries named by alias',
    input: () => ({ bytes: file('java.p12') }),
    password: 'changeit',
    want: [
      { kind: 'private-key', source: /bag 1 "(node1|rsa)"/ },
      { kind: 'private-key', source: /bag 2 "(node1|rsa)"/ },
      { kind: 'certificate', source: /bag 3 "(node1|rsa)"/ },
      { kind: 'certificate', source: /bag 4 "(node1|rsa)"/ },
    ],
  },
  {
    name: 'PKCS#12 in BER with indefinite lengths (as Windows writes PFX)',
    input: () => ({ bytes: berPkcs12() }),
    password: 'secret',
    want: [{ kind: 'certificate' }, { kind: 'private-key', spki: 'ec-pub.der' }],
  },
  {
    name: 'two PKCS#12 blocks in one paste: every part is named after its own block (blocks are read concurrently)',
    input: () => ({ text: pemEncode('PKCS12', file('aes.p12')) + pemEncode('PKCS12', file('aes.p12')) }),
    password: 'secret',
    want: [
      { kind: 'certificate', source: / #1 / },
      { kind: 'private-key', source: / #1 / },
      { kind: 'certificate', source: / #2 / },
      { kind: 'private-key', source: / #2 / },
    ],
  },
  {
    name: 'PKCS#12 without a MAC',
    input: () => ({ bytes: file('nomac.p12') }),
    password: 'secret',
    want: [{ kind: 'certificate' }, { kind: 'private-key', spki: 'ec-pub.der' }],
  },
  // OpenSSL leaves the certificates of a -nomac file unencrypted: they still show, the key does not.
  {
    name: 'PKCS#12 without a MAC, wrong password',
    input: () => ({ bytes: file('nomac.p12') }),
    password: 'nope',
    want: [{ kind: 'certificate' }, { kind: 'error', code: 'wrong-password' }],
  },
  {
    name: 'PKCS#12 with a SHA-512 MAC',
    input: () => ({ bytes: file('sha512.p12') }),
    password: 'secret',
    want: [{ kind: 'certificate' }, { kind: 'private-key', spki: 'ec-pub.der' }],
  },
  {
    name: 'PKCS#12 with an empty password',
    input: () => ({ bytes: file('empty.p12') }),
    want: [{ kind: 'certificate' }, { kind: 'private-key' }],
  },
  {
    name: 'PKCS#12 certificates only',
    input: () => ({ bytes: file('certonly.p12') }),
    password: 'secret',
    want: [{ kind: 'certificate' }],
  },
  {
    name: 'PKCS#12 wrong password',
    input: () => ({ bytes: file('aes.p12') }),
    password: 'nope',
    want: [{ kind: 'error', code: 'wrong-password', message: /^Wrong password/ }],
  },
  {
    name: 'PKCS#12 without a password',
    input: () => ({ bytes: file('aes.p12') }),
    want: [{ kind: 'error', code: 'wrong-password', message: /password/ }],
  },
  // OpenSSL 1.1's default (openssl 3 -legacy): RC2-40 certificates, a 3DES key (issue 13).
  {
    name: 'PKCS#12 -legacy (RC2-40 certificates, 3DES key) opens',
    input: () => ({ bytes: file('legacy.p12') }),
    password: 'secret',
    want: [{ kind: 'certificate' }, { kind: 'private-key', spki: 'ec-pub.der' }],
  },
  {
    name: 'PKCS#12 -legacy wrong password',
    input: () => ({ bytes: file('legacy.p12') }),
    password: 'nope',
    want: [{ kind: 'error', code: 'wrong-password' }],
  },
  {
    name: 'PKCS#8',
    input: () => ({ bytes: file('ec.key') }),
    want: [{ kind: 'private-key', format: 'pkcs8', spki: 'ec-pub.der' }],
  },
  {
    name: 'encrypted PKCS#8, PBKDF2-SHA256, AES-256',
    input: () => ({ bytes: file('enc-sha256.p8') }),
    password: 'secret',
    want: [{ kind: 'private-key', format: 'encrypted-pkcs8', spki: 'ec-pub.der' }],
  },
  {
    name: 'encrypted PKCS#8, PBKDF2-SHA1, AES-128',
    input: () => ({ bytes: file('enc-sha1.p8') }),
    password: 'secret',
    want: [{ kind: 'private-key', spki: 'ec-pub.der' }],
  },
  {
    name: 'encrypted PKCS#8 DER, PBKDF2-SHA512, AES-192',
    input: () => ({ bytes: file('enc-sha512.p8') }),
    password: 'secret',
    want: [{ kind: 'private-key', spki: 'ec-pub.der' }],
  },
  {
    name: 'encrypted PKCS#8 wrong password',
    input: () => ({ bytes: file('enc-sha256.p8') }),
    password: 'nope',
    want: [{ kind: 'error', code: 'wrong-password', message: /^Wrong password/ }],
  },
  {
    name: 'encrypted PKCS#8 without a password',
    input: () => ({ bytes: file('enc-sha256.p8') }),
    want: [{ kind: 'error', code: 'wrong-password' }],
  },
  {
    name: 'a key whose KDF outlasts the time budget is stopped',
    input: () => ({ bytes: file('enc-slow.p8') }),
    password: 'secret',
    timeBudgetMs: 50,
    want: [
      {
        kind: 'error',
        code: 'input-too-large',
        message: /took longer than 0.05 s .*while deriving the PBES2 key \(3,000,000 iterations of HMAC-SHA-256\)/,
      },
    ],
  },
  {
    name: 'a PKCS#12 MAC that outlasts the time budget is stopped',
    input: () => ({ bytes: file('slowmac.p12') }),
    password: 'secret',
    timeBudgetMs: 100,
    want: [
      {
        kind: 'error',
        code: 'input-too-large',
        message: /took longer than 0.1 s .*while deriving the MAC key \(1,000,000 iterations of SHA-256\)/,
      },
    ],
  },
  {
    name: 'encrypted PKCS#8 with PKCS#12 PBE-SHA1-3DES opens',
    input: () => ({ bytes: file('enc-3des.p8') }),
    password: 'secret',
    want: [{ kind: 'private-key', format: 'encrypted-pkcs8', spki: 'ec-pub.der' }],
  },
  {
    name: 'PKCS#1 RSA (genrsa -traditional)',
    input: () => ({ bytes: file('rsa-pkcs1.pem') }),
    want: [{ kind: 'private-key', format: 'pkcs1', spki: 'rsa-pub.der' }],
  },
  {
    name: 'PKCS#1 RSA with Proc-Type encryption (AES-128-CBC) opens',
    input: () => ({ bytes: file('rsa-legacy-enc.pem') }),
    password: 'secret',
    want: [{ kind: 'private-key', format: 'pkcs1', spki: 'rsa-pub.der' }],
  },
  {
    name: 'PKCS#1 RSA public key',
    input: () => ({ bytes: file('rsa-pkcs1-pub.pem') }),
    want: [{ kind: 'public-key', format: 'pkcs1-public' }],
  },
  {
    name: 'SEC1 EC with EC PARAMETERS (ecparam -genkey)',
    input: () => ({ bytes: file('sec1-with-params.pem') }),
    want: [{ kind: 'private-key', format: 'sec1', spki: 'sec1-pub.der' }],
  },
  {
    name: 'SEC1 EC whose curve is only in the EC PARAMETERS block',
    input: () => ({ text: sec1WithoutCurve() }),
    want: [{ kind: 'private-key', format: 'sec1', spki: 'sec1-pub.der' }],
  },
  {
    name: 'Ed25519 PKCS#8',
    input: () => ({ bytes: file('ed.key') }),
    want: [{ kind: 'private-key', spki: 'ed-pub.der' }],
  },
  { name: 'SPKI PEM', input: () => ({ bytes: file('ec-pub.pem') }), want: [{ kind: 'public-key', format: 'spki' }] },
  { name: 'SPKI DER', input: () => ({ bytes: file('ec-pub.der') }), want: [{ kind: 'public-key', format: 'spki' }] },
  { name: 'CSR PEM', input: () => ({ bytes: file('req.csr') }), want: [{ kind: 'csr' }] },
  { name: 'CSR DER', input: () => ({ bytes: file('req.der') }), want: [{ kind: 'csr' }] },
  { name: 'CRL DER (python cryptography)', input: () => ({ bytes: file('crl.der') }), want: [{ kind: 'crl' }] },
  {
    name: 'a bundle: certificate, key and CSR in one paste',
    input: () => ({ text: `junk\n${text('ec.crt')}\nmore junk\n${text('ec.key')}${text('req.csr')}` }),
    want: [{ kind: 'certificate' }, { kind: 'private-key' }, { kind: 'csr' }],
  },
  {
    name: 'text without PEM',
    input: () => ({ text: 'hello, this is not a certificate' }),
    want: [{ kind: 'error', code: 'invalid-pem', message: /No PEM block/ }],
  },
  {
    name: 'empty bytes',
    input: () => ({ bytes: new Uint8Array(0) }),
    want: [{ kind: 'error', code: 'invalid-der', message: /empty/ }],
  },
  {
    name: 'damaged base64 in a block',
    input: () => ({ text: '-----BEGIN CERTIFICATE-----\nMII*broken\n-----END CERTIFICATE-----\n' }),
    want: [{ kind: 'error', code: 'invalid-pem', message: /base64/ }],
  },
  {
    name: 'unknown PEM label with random DER',
    input: () => ({ text: pemEncode('OPENSSH PRIVATE KEY', new Uint8Array([0x04, 0x02, 1, 2])) }),
    want: [{ kind: 'error', code: 'invalid-der' }],
  },
  {
    name: 'over 10 MiB',
    input: () => ({ bytes: new Uint8Array(10 * 1024 * 1024 + 1) }),
    want: [{ kind: 'error', code: 'input-too-large', message: /10 MiB/ }],
  },
];

describe('readInput', () => {
  beforeAll(() => {
    judge('sh', ['-c', MAKE], undefined, dir);
    for (const [alias, alg] of [
      ['node1', ['-keyalg', 'EC', '-groupname', 'secp256r1']],
      ['rsa', ['-keyalg', 'RSA', '-keysize', '2048']],
    ] as const) {
      judge('keytool', [
        '-genkeypair',
        '-alias',
        alias,
        ...alg,
        '-dname',
        `CN=${alias}`,
        '-validity',
        '30',
        '-storetype',
        'PKCS12',
        '-keystore',
        join(dir, 'java.p12'),
        '-storepass',
        'changeit',
        '-keypass',
        'changeit',
      ]);
    }
    writeFileSync(join(dir, 'crl.der'), pythonBytes(CRL_PY));
  });

  for (const row of rows) {
    it(row.name, async () => {
      const options = {
        ...(row.password === undefined ? {} : { password: row.password }),
        ...(row.timeBudgetMs ? { timeBudgetMs: row.timeBudgetMs } : {}),
      };
      const items = await readInput(row.input(), options);
      expect(items.map((i) => i.kind)).toEqual(row.want.map((w) => w.kind));
      row.want.forEach((w, n) => {
        const item = items[n];
        if (!item) throw new Error('missing item');
        if (w.format) expect('format' in item && item.format).toBe(w.format);
        if (w.source) expect(item.source).toMatch(w.source);
        if (w.code) expect(item.kind === 'error' && item.code).toBe(w.code);
        if (w.message) expect(item.kind === 'error' ? item.message : '').toMatch(w.message);
        if (w.spki) {
          const derived = item.kind === 'private-key' && item.publicKeyDer ? Convert.ToHex(item.publicKeyDer) : '';
          expect(derived).toBe(Convert.ToHex(file(w.spki)));
        }
      });
      // Items cross a worker boundary: they must survive structured cloning unchanged.
      expect(structuredClone(items)).toEqual(items);
    });
  }

  it('wrapped PKCS#1 and SEC1 keys are PKCS#8 that openssl accepts', async () => {
    for (const name of ['rsa-pkcs1.pem', 'sec1-with-params.pem']) {
      const [item] = (await readInput({ bytes: file(name) })).filter((i) => i.kind === 'private-key');
      if (item?.kind !== 'private-key') throw new Error(`no key from ${name}`);
      const fromOpenssl = judgeBytes('openssl', ['pkey', '-pubout', '-outform', 'DER'], item.pem);
      expect(Convert.ToHex(fromOpenssl)).toBe(Convert.ToHex(item.publicKeyDer ?? new ArrayBuffer(0)));
    }
  });
});

// A block already in pemEncode's layout keeps its own text as the item's PEM (pem.ts, PemBlock.pem);
// every other layout is encoded again. Either way the item's PEM is pemEncode's, byte for byte.
describe("readInput: an item's PEM is pemEncode's whatever the input's layout", () => {
  const bundle = readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8');
  const layouts: { name: string; text: string }[] = [
    { name: 'the system CA bundle as it is', text: bundle },
    { name: 'with CRLF line ends', text: bundle.replace(/\n/g, '\r\n') },
    {
      name: 'as TRUSTED CERTIFICATE blocks',
      text: bundle.replace(/(BEGIN|END) CERTIFICATE/g, '$1 TRUSTED CERTIFICATE'),
    },
  ];
  for (const layout of layouts) {
    it(layout.name, async () => {
      const items = await readInput({ name: 'bundle', text: layout.text });
      expect(items.length).toBeGreaterThan(100);
      for (const item of items) {
        if (item.kind !== 'certificate') throw new Error(`${item.source}: ${item.kind}`);
        expect(item.pem).toBe(pemEncode('CERTIFICATE', item.der));
      }
    });
  }
});
