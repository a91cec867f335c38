// The fast path is the general path, byte for byte: same inputs (serial, dates, key, names),
// same TBSCertificate; with a deterministic signature (Ed25519 CA) the same certificate.
import { beforeAll, describe, expect, it } from 'vitest';
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from './algorithms.ts';
import { createRootCa, type CaResult } from './ca.ts';
import { childrenOf, readTlv, tlvView } from './asn1/tlv.ts';
import { signLeaf } from './issue.ts';
import { loadIssuer, type LoadedIssuer } from './issuer.ts';
import { generateKeyPair } from './keys.ts';
import {
  createLeafTemplate,
  ecSpkiFromPkcs8,
  issueFromTemplate,
  spkiKeyId,
  webCryptoLeafEngine,
} from './leaf-template.ts';
import { checkSubject } from './names.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';

import { sha1 } from './sha1.ts';
import type { LeafProfile } from './profiles.ts';
import { parseSans } from './san.ts';
import { opensslVerify } from '../test/judges/openssl.ts';

const ISSUER_ALGS: KeyAlgorithmId[] = ['p256', 'p384', 'rsa2048', 'ed25519'];
const cas = new Map<string, { ca: CaResult; loaded: LoadedIssuer }>();
const leafSpki = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const alg of ISSUER_ALGS) {
    // 100 years: leaves below can end after 2049 and exercise GeneralizedTime.
    const ca = await createRootCa({
      subject: { commonName: `Template CA ${alg}`, organization: 'Ünïcode Org' },
      algorithm: alg,
      days: 36_500,
    });
    cas.set(alg, { ca, loaded: await loadIssuer(ca) });
  }
  for (const alg of ['p256', 'p521', 'rsa2048', 'ed25519'] as const) {
    leafSpki.set(alg, new Uint8Array(await crypto.subtle.exportKey('spki', (await generateKeyPair(alg)).publicKey)));
  }
}, 60_000);

function tbsOf(pem: string): string {
  const der = new Uint8Array(pemDecodeAll(pem).blocks[0]?.der ?? new ArrayBuffer(0));
  const [tbs] = childrenOf(der, readTlv(der, 0));
  if (!tbs) throw new Error('no TBS');
  return Convert.ToHex(tlvView(der, tbs));
}

const inputs = [
  { name: 'printable CN, IPv4 + DNS', cn: 'node-1', sans: 'node-1 10.0.0.1 node-1.db.example', days: 90 },
  {
    name: 'UTF-8 CN, IPv6, wildcard, email, URI',
    cn: 'nöde_ü',
    sans: '2001:db8::7 *.svc.example ops@example.com spiffe://c/ns/a',
    days: 30,
  },
  { name: 'client without SANs', cn: 'alice', sans: '', days: 1 },
  // Regression: @peculiar/x509 encoded "::ffff:10.0.0.1" as garbage; both paths now share none of its IP code.
  { name: 'IPv4-mapped IPv6', cn: 'mapped', sans: '::ffff:10.0.0.1 fe80::1:2', days: 5 },
  { name: 'long validity into GeneralizedTime (after 2049)', cn: 'long.example', sans: 'long.example', days: 36_000 },
  {
    name: 'many SANs (long-form lengths)',
    cn: 'big.example',
    sans: Array.from({ length: 40 }, (_, i) => `host-${i}.cluster.example 10.1.${i}.1`).join(' '),
    days: 365,
  },
];

const rows = ISSUER_ALGS.flatMap((issuerAlg) =>
  (['p256', 'p521', 'rsa2048', 'ed25519'] as const).flatMap((leafAlg) =>
    (['node', 'server', 'client'] as LeafProfile[]).map((profile) => ({
      name: `${profile}: ${leafAlg} leaf under ${issuerAlg} CA`,
      input: { issuerAlg, leafAlg, profile },
    })),
  ),
);

describe('template TBS = general TBS', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { loaded } = cas.get(row.input.issuerAlg) ?? {};
      const spki = leafSpki.get(row.input.leafAlg);
      if (!loaded || !spki) throw new Error('fixture missing');
      const template = await createLeafTemplate(loaded, row.input.profile, row.input.leafAlg, crypto);
      for (const inp of inputs) {
        if (row.input.profile !== 'client' && !inp.sans) continue;
        const serial = crypto.getRandomValues(new Uint8Array(16));
        serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
        const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 300_000);
        const sans = parseSans(inp.sans);
        const general = await signLeaf(
          {
            profile: row.input.profile,
            subject: checkSubject({ commonName: inp.cn }),
            sans,
            spki: spki.slice().buffer,
            days: inp.days,
            notBefore: notBefore.toISOString(),
            serialHex: Convert.ToHex(serial),
          },
          loaded,
        );
        const fast = template.tbs(
          { serial, notBefore, notAfter: new Date(general.notAfter), commonName: inp.cn, sans, spki },
          spkiKeyId(spki),
        );
        expect(Convert.ToHex(fast), inp.name).toBe(tbsOf(general.certPem));
      }
    });
  }
});

describe('template certificates', () => {
  it('with an Ed25519 CA the whole certificate is identical (deterministic signature)', async () => {
    const { loaded } = cas.get('ed25519') ?? {};
    const spki = leafSpki.get('p256');
    if (!loaded || !spki) throw new Error('fixture missing');
    const template = await createLeafTemplate(loaded, 'node', 'p256', crypto);
    const serial = new Uint8Array(16).fill(0x41);
    const notBefore = new Date(Date.UTC(2030, 0, 1));
    const sans = parseSans('n1 10.0.0.1');
    const general = await signLeaf(
      {
        profile: 'node',
        subject: { commonName: 'n1' },
        sans,
        spki: spki.slice().buffer,
        days: 90,
        notBefore: notBefore.toISOString(),
        serialHex: Convert.ToHex(serial),
      },
      loaded,
    );
    const fast = await template.certificate(
      { serial, notBefore, notAfter: new Date(general.notAfter), commonName: 'n1', sans, spki },
      crypto,
    );
    expect(Convert.ToHex(fast)).toBe(Convert.ToHex(pemDecodeAll(general.certPem).blocks[0]?.der ?? new ArrayBuffer(0)));
  });

  for (const issuerAlg of ISSUER_ALGS) {
    it(`fresh-key leaves under a ${issuerAlg} CA pass openssl verify -x509_strict`, async () => {
      const entry = cas.get(issuerAlg);
      if (!entry) throw new Error('fixture missing');
      const template = await createLeafTemplate(entry.loaded, 'node', 'p256', crypto);
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 300_000);
      const out = await issueFromTemplate(
        template,
        {
          serial: new Uint8Array(16).fill(0x42),
          notBefore,
          notAfter: new Date(notBefore.getTime() + 86_400_000),
          commonName: 'n2',
          sans: parseSans('n2 10.0.0.2'),
        },
        webCryptoLeafEngine(template, crypto),
      );
      for (const purpose of ['sslserver', 'sslclient'] as const) {
        const v = await opensslVerify({ rootPem: entry.ca.certPem, certPem: out.certPem, purpose });
        expect(v.ok, v.output).toBe(true);
      }
      expect(out.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    });
  }

  for (const alg of ['p256', 'p384', 'p521'] as const) {
    it(`SPKI read from a ${alg} PKCS#8 equals WebCrypto's SPKI export`, async () => {
      const pair = await generateKeyPair(alg);
      const fromPkcs8 = ecSpkiFromPkcs8(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
      expect(Convert.ToHex(fromPkcs8 ?? new Uint8Array())).toBe(
        Convert.ToHex(await crypto.subtle.exportKey('spki', pair.publicKey)),
      );
    });
  }
});

describe('hot-path helpers agree with independent ones', () => {
  const sizes = [0, 1, 2, 3, 55, 56, 63, 64, 65, 91, 119, 120, 1000];
  for (const n of sizes) {
    it(`sha1 and PEM of ${n} bytes`, async () => {
      const data = crypto.getRandomValues(new Uint8Array(n));
      expect(Convert.ToHex(sha1(data))).toBe(Convert.ToHex(await crypto.subtle.digest('SHA-1', data)));
      // Node's own base64 is the independent judge of the table-driven encoder.
      const lines = (
        Buffer.from(data)
          .toString('base64')
          .match(/.{1,64}/g) ?? []
      )
        .map((l) => `${l}\n`)
        .join('');
      expect(pemEncode('CERTIFICATE', data)).toBe(`-----BEGIN CERTIFICATE-----\n${lines}-----END CERTIFICATE-----\n`);
    });
  }
});

/**
 * The encodings createLeafTemplate's probe does not exercise (its serial is 0x5a…, its CN
 * printable): a serial whose top bit is set (INTEGER with a 0x00 pad, X.690 §8.3.2), one with
 * leading zero bytes (shortened) and a CN that needs a UTF8String. Each row checks that the TBS
 * holds the encoding it is about, then that the template writes it as the general path does.
 */
describe('template TBS = general TBS for encodings the probe does not use', () => {
  const serialRows = [
    {
      name: 'top bit set: INTEGER padded with 0x00',
      serial: '80' + '11'.repeat(15),
      der: '021100' + '80' + '11'.repeat(15),
    },
    { name: 'all ones: padded', serial: 'ff'.repeat(16), der: '021100' + 'ff'.repeat(16) },
    {
      name: 'leading zero bytes: shortened',
      serial: '0000' + '7f' + '22'.repeat(13),
      der: '020e' + '7f' + '22'.repeat(13),
    },
    {
      name: 'leading zero then top bit: shortened, then padded',
      serial: '00' + '9a'.repeat(15),
      der: '021000' + '9a'.repeat(15),
    },
  ];
  const cnRows = [
    { name: 'printable CN: PrintableString', cn: 'node-1', der: '1306' + Convert.ToHex(Buffer.from('node-1')) },
    { name: 'UTF-8 CN: UTF8String', cn: 'nœud-1', der: '0c07' + Convert.ToHex(Buffer.from('nœud-1')) },
    {
      name: 'ASCII CN outside PrintableString (_): UTF8String',
      cn: 'db_1',
      der: '0c04' + Convert.ToHex(Buffer.from('db_1')),
    },
  ];
  const rows = serialRows.flatMap((s) => cnRows.map((c) => ({ name: `${s.name}; ${c.name}`, input: { s, c } })));
  for (const row of rows) {
    it(row.name, async () => {
      const { loaded } = cas.get('p256') ?? {};
      const spki = leafSpki.get('p256');
      if (!loaded || !spki) throw new Error('fixture missing');
      const template = await createLeafTemplate(loaded, 'node', 'p256', crypto);
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 300_000);
      const sans = parseSans('10.0.0.1 db.example');
      const { s, c } = row.input;
      const general = await signLeaf(
        {
          profile: 'node',
          subject: checkSubject({ commonName: c.cn }),
          sans,
          spki: spki.slice().buffer,
          days: 90,
          notBefore: notBefore.toISOString(),
          serialHex: s.serial,
        },
        loaded,
      );
      const generalTbs = tbsOf(general.certPem);
      // TBSCertificate: [0] version (a003020102), then the serial INTEGER.
      expect(generalTbs.slice(generalTbs.indexOf('a003020102') + 10).startsWith(s.der), 'serial').toBe(true);
      expect(generalTbs, 'CN').toContain(`0603550403${c.der}`);
      const fast = template.tbs(
        {
          serial: new Uint8Array(Convert.FromHex(s.serial)),
          notBefore,
          notAfter: new Date(general.notAfter),
          commonName: c.cn,
          sans,
          spki,
        },
        spkiKeyId(spki),
      );
      expect(Convert.ToHex(fast)).toBe(generalTbs);
    });
  }
});
