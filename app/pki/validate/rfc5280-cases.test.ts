/**
 * RFC 5280 edge cases, one row per case, with the verdict RFC 5280 asks for. The cases follow
 * the rfc5280 namespace of C2SP/x509-limbo (limbo/testcases/rfc5280/*.py): rebuilt here with
 * our test kit, not copied. `clients` pins where a client's verdict differs from RFC 5280's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  Name as AsnName,
  NameConstraints,
  OtherName,
  id_ce_nameConstraints,
  id_ce_policyConstraints,
} from '@peculiar/asn1-x509';
import { validatePath, type ValidateOptions } from './index.ts';
import type { ClientId } from './clients.ts';
import { makeCa, makeCert, newKey, resign, type CertSpec, type Issuer } from './test-kit.ts';

const KU = x509.KeyUsageFlags;
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';
const AT = new Date(Date.UTC(2026, 0, 1));
const CA_KU = KU.keyCertSign | KU.cRLSign;

let root: Issuer;
let leafKeys: CryptoKeyPair;
beforeAll(async () => {
  root = await makeCa('CN=Limbo-style Root');
  leafKeys = await newKey();
});

/** A leaf as the suite makes one: SAN example.com, serverAuth, digitalSignature. */
function leaf(issuer: Issuer, over: Partial<CertSpec> = {}): Promise<x509.X509Certificate> {
  return makeCert({
    subject: 'CN=example.com',
    keys: leafKeys,
    issuer,
    ca: false,
    keyUsage: KU.digitalSignature,
    eku: [SERVER],
    san: [{ type: 'dns', value: 'example.com' }],
    ...over,
  });
}

async function rootWith(over: Partial<CertSpec>, subject = 'CN=Case Root'): Promise<Issuer> {
  return makeCa(subject, undefined, over);
}

function ncExt(
  critical: boolean,
  permitted: Partial<GeneralName>[] = [],
  excluded: Partial<GeneralName>[] = [],
): x509.Extension {
  const tree = (l: Partial<GeneralName>[]) =>
    l.length ? new GeneralSubtrees(l.map((n) => new GeneralSubtree({ base: new GeneralName(n) }))) : undefined;
  return new x509.Extension(
    id_ce_nameConstraints,
    critical,
    AsnConvert.serialize(new NameConstraints({ permittedSubtrees: tree(permitted), excludedSubtrees: tree(excluded) })),
  );
}

const dn = (text: string) => AsnConvert.parse(new x509.Name(text).toArrayBuffer(), AsnName);
const rawSan = (der: number[]) => new x509.Extension('2.5.29.17', false, new Uint8Array(der));
const otherName = () => new OtherName({ typeId: '1.3.6.1.4.1.55738.666.3', value: new Uint8Array([5, 0]).buffer });

interface Case {
  name: string;
  build: () => Promise<ValidateOptions>;
  /** RFC 5280's verdict. */
  valid: boolean;
  /** Clients whose verdict differs from RFC 5280's. */
  clients?: Partial<Record<ClientId, boolean>>;
}

const direct = (r: Issuer, l: x509.X509Certificate, extra: Partial<ValidateOptions> = {}): ValidateOptions => ({
  leaf: l,
  anchors: [r.cert],
  at: AT,
  purpose: 'server',
  ...extra,
});

const viaIca = async (icaOver: Partial<CertSpec>, leafOver: Partial<CertSpec> = {}): Promise<ValidateOptions> => {
  const ica = await makeCa('CN=Case ICA', root, icaOver);
  return {
    leaf: await leaf(ica, leafOver),
    intermediates: [ica.cert],
    anchors: [root.cert],
    at: AT,
    purpose: 'server',
  };
};

const nc =
  (permitted: Partial<GeneralName>[], excluded: Partial<GeneralName>[], san: x509.JsonGeneralName[], critical = true) =>
  async () => {
    const r = await rootWith({ extra: [ncExt(critical, permitted, excluded)] });
    return direct(r, await leaf(r, { san }));
  };

const cases: Case[] = [
  // limbo rfc5280/__init__.py
  {
    name: 'ee-empty-issuer',
    valid: false,
    build: async () =>
      direct(
        root,
        await resign(await leaf(root), root.keys.privateKey, (a) => {
          a.tbsCertificate.issuer = new AsnName();
        }),
      ),
  },
  {
    name: 'ca-empty-subject',
    valid: false,
    clients: { openssl: true, go: true, webpki: true },
    build: async () => {
      const r = await rootWith({}, '');
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'unknown-critical-extension-ee',
    valid: false,
    build: async () =>
      direct(
        root,
        await leaf(root, { extra: [new x509.Extension('1.3.6.1.4.1.55738.666.1', true, new Uint8Array([5, 0]))] }),
      ),
  },
  {
    name: 'unknown-critical-extension-root',
    valid: false,
    clients: { java: true, webpki: true },
    build: async () => {
      const r = await rootWith({
        extra: [new x509.Extension('1.3.6.1.4.1.55738.666.1', true, new Uint8Array([5, 0]))],
      });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'unknown-critical-extension-intermediate',
    valid: false,
    build: () =>
      viaIca({ ca: 0, extra: [new x509.Extension('1.3.6.1.4.1.55738.666.1', true, new Uint8Array([5, 0]))] }),
  },
  {
    name: 'chain-untrusted-root',
    valid: false,
    build: async () => {
      const ica = await makeCa('CN=Case ICA', root, { ca: 0 });
      const unrelated = await makeCa('CN=Unrelated Root');
      return { leaf: await leaf(ica), intermediates: [root.cert, ica.cert], anchors: [unrelated.cert], at: AT };
    },
  },
  { name: 'intermediate-ca-without-ca-bit', valid: false, build: () => viaIca({ ca: false }) },
  { name: 'intermediate-ca-missing-basic-constraints', valid: false, build: () => viaIca({ ca: undefined }) },
  {
    name: 'root-missing-basic-constraints',
    valid: false,
    clients: { openssl: true, webpki: true },
    build: async () => {
      const r = await rootWith({ ca: undefined });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'root-non-critical-basic-constraints',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: async () => {
      const r = await rootWith({ caCritical: false });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'root-inconsistent-ca-extensions (cA without keyCertSign)',
    valid: false,
    clients: { webpki: true },
    build: async () => {
      const r = await rootWith({ keyUsage: 0 as x509.KeyUsageFlags });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'ica-ku-keycertsign (pathlen without keyCertSign)',
    valid: false,
    clients: { webpki: true },
    build: () => viaIca({ ca: 0, keyUsage: KU.digitalSignature }),
  },
  {
    name: 'leaf-ku-keycertsign',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { keyUsage: KU.digitalSignature | KU.keyCertSign })),
  },
  {
    name: 'issuer-no-keyusage-extension (crl.py: a root without keyUsage)',
    valid: true,
    clients: { python: false },
    build: async () => {
      const r = await rootWith({ keyUsage: undefined });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'ee-aia',
    valid: true,
    build: async () =>
      direct(
        root,
        await leaf(root, {
          extra: [
            new x509.AuthorityInfoAccessExtension(
              { caIssuers: [new x509.GeneralName('url', 'http://example.com/ca')] },
              false,
            ),
          ],
        }),
      ),
  },
  {
    name: 'ee-critical-aia-invalid',
    valid: false,
    clients: { go: true },
    build: async () =>
      direct(
        root,
        await leaf(root, {
          extra: [
            new x509.AuthorityInfoAccessExtension(
              { caIssuers: [new x509.GeneralName('url', 'http://example.com/ca')] },
              true,
            ),
          ],
        }),
      ),
  },
  {
    name: 'duplicate-extensions',
    valid: false,
    build: async () =>
      direct(
        root,
        await leaf(root, {
          san: undefined,
          extra: [
            new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'example.com' }]),
            new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'example.com' }]),
          ],
        }),
      ),
  },
  { name: 'no-keyusage', valid: true, build: async () => direct(root, await leaf(root, { keyUsage: undefined })) },
  { name: 'no-basicconstraints', valid: true, build: async () => direct(root, await leaf(root, { ca: undefined })) },
  {
    name: 'ca-as-leaf',
    valid: true,
    clients: { java: false, webpki: false },
    build: async () => {
      const ica = await makeCa('CN=CA as leaf', root, { san: [{ type: 'dns', value: 'ca.example.com' }] });
      return { leaf: ica.cert, anchors: [root.cert], at: AT, host: 'ca.example.com' };
    },
  },
  {
    name: 'ca-as-leaf-wrong-san',
    valid: false,
    build: async () => {
      const ica = await makeCa('CN=CA as leaf', root, { san: [{ type: 'dns', value: 'ca.example.com' }] });
      return { leaf: ica.cert, anchors: [root.cert], at: AT, host: 'some-other-ca.example.com' };
    },
  },
  {
    name: 'root-and-intermediate-swapped',
    valid: true,
    clients: { openssl: false },
    build: async () => {
      const ica = await makeCa('CN=Case ICA', root);
      return { leaf: await leaf(ica), intermediates: [root.cert], anchors: [ica.cert], at: AT };
    },
  },
  {
    name: 'trusted intermediate and its trusted root (OpenSSL goes on to the root)',
    valid: true,
    build: async () => {
      const ica = await makeCa('CN=Case ICA', root);
      return { leaf: await leaf(ica), anchors: [ica.cert, root.cert], at: AT, purpose: 'server' };
    },
  },
  // aki.py
  {
    name: 'critical-aki',
    valid: false,
    clients: { java: true, go: true, webpki: true },
    build: async () => {
      const keys = await newKey();
      const cert = await makeCert({
        subject: 'CN=AKI Root',
        keys,
        ca: true,
        keyUsage: CA_KU,
        extra: [await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey, true)],
      });
      return direct({ cert, keys }, await leaf({ cert, keys }));
    },
  },
  {
    name: 'leaf-missing-aki',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { aki: false })),
  },
  {
    name: 'intermediate-missing-aki',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: () => viaIca({ ca: 0, aki: false }),
  },
  { name: 'self-signed-root-missing-aki', valid: true, build: async () => direct(root, await leaf(root)) },
  {
    name: 'cross-signed-root-missing-aki',
    valid: false,
    clients: { python: true, java: true, go: true, webpki: true },
    build: async () => {
      const ica = await makeCa('CN=Cross-signed Root', root, { ca: 0, aki: false });
      return { leaf: await leaf(ica), anchors: [ica.cert], at: AT, purpose: 'server' };
    },
  },
  // ski.py
  {
    name: 'critical-ski',
    valid: false,
    clients: { java: true, go: true, webpki: true },
    build: async () => {
      const keys = await newKey();
      const cert = await makeCert({
        subject: 'CN=SKI Root',
        keys,
        ca: true,
        keyUsage: CA_KU,
        ski: false,
        extra: [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, true)],
      });
      return direct({ cert, keys }, await leaf({ cert, keys }));
    },
  },
  {
    name: 'root-missing-ski',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: async () => {
      const r = await rootWith({ ski: false });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'intermediate-missing-ski',
    valid: false,
    clients: { openssl: true, java: true, go: true, webpki: true },
    build: () => viaIca({ ski: false }),
  },
  // san.py
  {
    name: 'san-malformed',
    valid: false,
    build: async () =>
      direct(root, await leaf(root, { san: undefined, extra: [rawSan([...new TextEncoder().encode('example.com')])] })),
  },
  {
    name: 'noncritical-with-empty-subject',
    valid: false,
    clients: { openssl: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { subject: '' })),
  },
  // serial.py
  {
    name: 'serial-number-too-long',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { serial: '7f'.repeat(22) })),
  },
  {
    name: 'serial-number-zero',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: async () =>
      direct(
        root,
        await resign(await leaf(root), root.keys.privateKey, (a) => {
          a.tbsCertificate.serialNumber = new Uint8Array([0]).buffer;
        }),
      ),
  },
  {
    name: 'serial-number-negative',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: async () =>
      direct(
        root,
        await resign(await leaf(root), root.keys.privateKey, (a) => {
          a.tbsCertificate.serialNumber = new Uint8Array([0xf0, 1]).buffer;
        }),
      ),
  },
  // eku.py
  { name: 'ee-wrong-eku', valid: false, build: async () => direct(root, await leaf(root, { eku: [CLIENT] })) },
  { name: 'ee-without-eku', valid: true, build: async () => direct(root, await leaf(root, { eku: undefined })) },
  // pc.py
  {
    name: 'ica-noncritical-pc',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: () =>
      viaIca({
        // PolicyConstraints { requireExplicitPolicy [0] 3 }
        extra: [new x509.Extension(id_ce_policyConstraints, false, new Uint8Array([0x30, 3, 0x80, 1, 3]))],
      }),
  },
  // validity.py
  {
    name: 'expired-root',
    valid: false,
    clients: { java: true, webpki: true },
    build: async () => {
      const r = await rootWith({ notAfter: new Date(Date.UTC(2025, 6, 1)) });
      return direct(r, await leaf(r));
    },
  },
  {
    name: 'expired-leaf',
    valid: false,
    build: async () => direct(root, await leaf(root, { notAfter: new Date(Date.UTC(2025, 6, 1)) })),
  },
  {
    name: 'notbefore-exact',
    valid: true,
    build: async () => ({ ...direct(root, await leaf(root, { notBefore: AT })), at: AT }),
  },
  {
    name: 'notbefore-fractional',
    valid: false,
    build: async () => ({
      ...direct(root, await leaf(root, { notBefore: new Date(AT.getTime() + 1000) })),
      at: new Date(AT.getTime() + 999),
    }),
  },
  {
    name: 'notafter-exact',
    valid: true,
    build: async () => ({ ...direct(root, await leaf(root, { notAfter: AT })), at: AT }),
  },
  {
    name: 'notafter-fractional',
    valid: true,
    build: async () => ({ ...direct(root, await leaf(root, { notAfter: AT })), at: new Date(AT.getTime() + 5) }),
  },
  // nc.py
  {
    name: 'nc permitted-dns-mismatch',
    valid: false,
    clients: { java: true },
    build: nc([{ dNSName: 'example.com' }], [], [{ type: 'dns', value: 'not-example.com' }]),
  },
  {
    name: 'nc permitted-dns-match',
    valid: true,
    build: nc([{ dNSName: 'example.com' }], [], [{ type: 'dns', value: 'example.com' }]),
  },
  {
    name: 'nc permitted-dns-match-more',
    valid: true,
    build: nc([{ dNSName: 'example.com' }], [], [{ type: 'dns', value: 'foo.bar.example.com' }]),
  },
  {
    name: 'nc permitted-dns-match-noncritical',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: nc([{ dNSName: 'example.com' }], [], [{ type: 'dns', value: 'example.com' }], false),
  },
  {
    name: 'nc excluded-dns-match-second',
    valid: false,
    clients: { java: true },
    build: nc(
      [],
      [{ dNSName: 'not-allowed.example.com' }],
      [
        { type: 'dns', value: 'example.com' },
        { type: 'dns', value: 'not-allowed.example.com' },
      ],
    ),
  },
  {
    name: 'nc permitted-ip-mismatch',
    valid: false,
    clients: { java: true },
    build: nc([{ iPAddress: '192.0.2.0/24' }], [], [{ type: 'ip', value: '192.0.3.1' }]),
  },
  {
    name: 'nc excluded-ipv6-match',
    valid: false,
    clients: { java: true },
    build: nc([], [{ iPAddress: '::1/128' }], [{ type: 'ip', value: '::1' }]),
  },
  {
    name: 'nc permitted-ipv4-match',
    valid: true,
    build: nc([{ iPAddress: '192.0.2.0/24' }], [], [{ type: 'ip', value: '192.0.2.1' }]),
  },
  {
    name: 'nc permitted-dn-match-subject-san-mismatch',
    valid: false,
    clients: { java: true },
    build: async () => {
      const r = await rootWith({ extra: [ncExt(true, [{ directoryName: dn('CN=foo') }])] });
      return direct(r, await leaf(r, { subject: 'CN=not-foo', san: [{ type: 'dn', value: 'CN=foo' }] }));
    },
  },
  {
    name: 'nc excluded-match-permitted-and-excluded',
    valid: false,
    clients: { java: true },
    build: nc([{ dNSName: 'example.com' }], [{ dNSName: 'example.com' }], [{ type: 'dns', value: 'example.com' }]),
  },
  {
    name: 'nc permitted-different-constraint-type',
    valid: true,
    build: nc([{ iPAddress: '192.0.2.0/24' }], [], [{ type: 'dns', value: 'example.com' }]),
  },
  {
    name: 'nc invalid-dnsname-wildcard',
    valid: false,
    clients: { java: true },
    build: nc([{ dNSName: '*.example.com' }], [], [{ type: 'dns', value: 'foo.example.com' }]),
  },
  {
    name: 'nc invalid-dnsname-leading-period',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: nc([{ dNSName: '.example.com' }], [], [{ type: 'dns', value: 'foo.example.com' }]),
  },
  {
    name: 'nc invalid-ipv4-address (no mask)',
    valid: false,
    clients: { java: true },
    build: nc([{ iPAddress: '127.0.0.1' }], [], [{ type: 'ip', value: '127.0.0.1' }]),
  },
  {
    name: 'nc not-allowed-in-ee-noncritical',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { extra: [ncExt(false, [{ dNSName: 'example.com' }])] })),
  },
  {
    name: 'nc not-allowed-in-ee-critical',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: async () => direct(root, await leaf(root, { extra: [ncExt(true, [{ dNSName: 'example.com' }])] })),
  },
  {
    name: 'nc intermediate-with-san-rejected-by-root-nc',
    valid: false,
    clients: { java: true },
    build: async () => {
      const r = await rootWith({
        extra: [ncExt(true, [{ dNSName: 'permitted.example.com' }], [{ dNSName: 'forbidden.example.com' }])],
      });
      const ica1 = await makeCa('CN=ICA1', r);
      const ica2 = await makeCa('CN=ICA2', ica1, { san: [{ type: 'dns', value: 'forbidden.example.com' }] });
      return {
        leaf: await leaf(ica2, {
          subject: 'CN=permitted.example.com',
          san: [{ type: 'dns', value: 'permitted.example.com' }],
        }),
        intermediates: [ica1.cert, ica2.cert],
        anchors: [r.cert],
        at: AT,
      };
    },
  },
  {
    name: 'nc-permits-invalid-dns-san',
    valid: false,
    clients: { openssl: true, python: true, java: true, go: true, webpki: true },
    build: () =>
      viaIca(
        { extra: [ncExt(true, [{ dNSName: 'example.com' }])] },
        {
          san: [
            { type: 'dns', value: '.example.com' },
            { type: 'dns', value: 'foo.example.com' },
          ],
        },
      ),
  },
  {
    name: 'nc-permits-invalid-ip-san',
    valid: false,
    build: () =>
      viaIca(
        { extra: [ncExt(true, [{ iPAddress: '192.0.2.0/24' }])] },
        { san: undefined, extra: [rawSan([0x30, 0x0a, 0x87, 0x08, 192, 0, 2, 0, 255, 255, 255, 0])] },
      ),
  },
  {
    name: 'nc-forbids-othername',
    valid: false,
    build: () =>
      viaIca(
        { extra: [ncExt(true, [{ dNSName: 'example.com' }], [{ otherName: otherName() }])] },
        { san: undefined, extra: [new x509.Extension('2.5.29.17', false, sanWithOtherName())] },
      ),
  },
  {
    name: 'nc-forbids-othername-noop',
    valid: true,
    clients: { go: false },
    build: () => viaIca({ extra: [ncExt(true, [{ dNSName: 'example.com' }], [{ otherName: otherName() }])] }),
  },
];

/** SAN: dNSName example.com and a private otherName. */
function sanWithOtherName(): Uint8Array<ArrayBuffer> {
  const names = [new GeneralName({ dNSName: 'example.com' }), new GeneralName({ otherName: otherName() })];
  const parts = names.map((n) => new Uint8Array(AsnConvert.serialize(n)));
  const len = parts.reduce((a, p) => a + p.length, 0);
  return new Uint8Array([0x30, len, ...parts.flatMap((p) => [...p])]);
}

describe('RFC 5280 edge cases (the rfc5280 namespace of C2SP/x509-limbo)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await validatePath(await c.build());
      const got = Object.fromEntries(result.clients.map((v) => [v.id, v.accepts]));
      const want = Object.fromEntries(result.clients.map((v) => [v.id, c.clients?.[v.id] ?? c.valid]));
      expect(got, JSON.stringify(result.clients)).toEqual(want);
      expect(result.valid).toBe(c.valid);
    });
  }
});
