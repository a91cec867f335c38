// The fast path is the general path, byte for byte: same inputs (serial, dates, key, names),
// same TBSCertificate; with a deterministic signature (Ed25519 CA) the same certificate.
import { pemText } from './pem-ascii.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Name } from '@peculiar/x509';
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
import { opensslCa } from '../test/judges/openssl-ca.ts';
import { forgetTemplateProofs, provenTemplateCount } from './leaf-template-proof.ts';
import { plainNameShape } from './plain-name.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

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
        const v = await opensslVerify({ rootPem: entry.ca.certPem, certPem: pemText(out.certPem), purpose });
        expect(v.ok, v.output).toBe(true);
      }
      expect(pemText(out.keyPem)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
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

/**
 * A template's construction is proven once per (issuer key algorithm, profile, leaf key
 * algorithm) per module life; a later issuer of the same algorithm gets its pieces from the
 * general path's encoders without a probe. These rows hold such a cached template to the general
 * path under the new issuer, and to the new issuer's own name and key id: a cache that kept the
 * first issuer's name or AKI (or its whole pieces) fails them.
 */
describe('a proven construction serves a new issuer of the same key algorithm', () => {
  /** What a CA contributes to its leaves' TBS: its subject Name DER and its key id (the AKI), in hex. */
  const issuerMarks = (issuer: LoadedIssuer) => ({
    name: Convert.ToHex(issuer.subjectDer),
    aki: issuer.keyId.toLowerCase(),
  });

  async function generalTbs(issuer: LoadedIssuer, profile: LeafProfile, spki: Uint8Array, cn: string, sans: string) {
    const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 300_000);
    const serial = new Uint8Array(16).fill(0x33);
    const general = await signLeaf(
      {
        profile,
        subject: checkSubject({ commonName: cn }),
        sans: parseSans(sans),
        spki: spki.slice().buffer,
        days: 30,
        notBefore: notBefore.toISOString(),
        serialHex: Convert.ToHex(serial),
      },
      issuer,
    );
    // The window as the general path set it (a CA made a moment ago moves the start to its own).
    const input = {
      serial,
      notBefore: new Date(general.notBefore),
      notAfter: new Date(general.notAfter),
      commonName: cn,
      sans: parseSans(sans),
      spki,
    };
    return { general: tbsOf(general.certPem), input };
  }

  const externalCas: { remove(): void }[] = [];
  afterAll(() => externalCas.forEach((c) => c.remove()));

  /** Issuers made after the proof: certbench's own, and one openssl made (UTF8String names, its own SKI). */
  const laterIssuers: { name: string; make: () => Promise<LoadedIssuer>; sameShape?: true }[] = [
    {
      name: "a certbench root whose Name has the first's shape (CN and O): its subject taken as it is",
      make: async () =>
        loadIssuer(await createRootCa({ subject: { commonName: 'Same Shape CA', organization: 'Anöther Org' } })),
      sameShape: true,
    },
    {
      name: 'a certbench root with another name, an O and another key',
      make: async () =>
        loadIssuer(
          await createRootCa({ subject: { commonName: 'Second CA', organization: 'Other Org', country: 'DE' } }),
        ),
    },
    {
      name: 'a root openssl made (UTF8String CN, SKI by openssl)',
      make: async () => {
        const ca = opensslCa();
        externalCas.push(ca);
        ca.makeCa('outside', 'Outside CA_1');
        const certPem = readFileSync(ca.path('outside.crt'), 'utf8');
        return loadIssuer({ certPem, keyPem: readFileSync(ca.path('outside.key'), 'utf8'), chainPem: '' });
      },
    },
  ];

  for (const profile of ['node', 'client'] as const)
    for (const later of laterIssuers)
      it(`${profile}: ${later.name}`, async () => {
        forgetTemplateProofs();
        const first = cas.get('p256')?.loaded;
        const spki = leafSpki.get('p256');
        if (!first || !spki) throw new Error('fixture missing');
        const proving = countingCrypto();
        await createLeafTemplate(first, profile, 'p256', proving.crypto);
        expect(proving.keys(), 'the first issuer pays one probe').toBe(1);

        const second = await later.make();
        expect(second.algorithm).toBe('p256');
        const cached = countingCrypto();
        const nameWrites = vi.spyOn(Name.prototype, 'toArrayBuffer');
        const template = await createLeafTemplate(second, profile, 'p256', cached.crypto);
        const written = nameWrites.mock.calls.length;
        nameWrites.mockRestore();
        expect(cached.keys(), 'a later issuer of the same key algorithm pays none').toBe(0);
        const sameShape =
          plainNameShape(new Uint8Array(second.subjectDer)) === plainNameShape(new Uint8Array(first.subjectDer));
        expect(sameShape).toBe(later.sameShape === true);
        expect(written, 'a Name of a shape written back as it was is not written again').toBe(sameShape ? 0 : 1);
        expect(provenTemplateCount()).toBe(1);

        const sans = profile === 'client' ? '' : 'db-7 10.0.0.7';
        const { general, input } = await generalTbs(second, profile, spki, 'db-7', sans);
        const fast = Convert.ToHex(template.tbs(input, spkiKeyId(spki)));
        const own = issuerMarks(second);
        const firsts = issuerMarks(first);
        expect(own.name).not.toBe(firsts.name);
        expect(fast, "the later issuer's name").toContain(own.name);
        expect(fast, "the later issuer's key id (AKI)").toContain(own.aki);
        expect(fast, "not the first issuer's name").not.toContain(firsts.name);
        expect(fast, "not the first issuer's key id").not.toContain(firsts.aki);
        expect(fast, 'the general path under the later issuer').toBe(general);
      });

  it('a proof is per issuer key algorithm: a P-384 issuer after a P-256 one is proven again', async () => {
    forgetTemplateProofs();
    const p256 = cas.get('p256')?.loaded;
    const p384 = cas.get('p384')?.loaded;
    if (!p256 || !p384) throw new Error('fixture missing');
    await createLeafTemplate(p256, 'node', 'p256', crypto);
    const counting = countingCrypto();
    await createLeafTemplate(p384, 'node', 'p256', counting.crypto);
    expect(counting.keys()).toBe(1);
    expect(provenTemplateCount()).toBe(2);
  });
});
