import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Name as AsnName } from '@peculiar/asn1-x509';
import { validatePath, type ValidateOptions } from './index.ts';
import { checkPath } from './path-checks.ts';
import { signatureChecker } from '../signatures/checker.ts';
import { makeCa, makeCert, newKey, resign, T0, T1, type CertSpec, type Issuer } from './test-kit.ts';

const KU = x509.KeyUsageFlags;
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';
const AT = new Date(Date.UTC(2026, 0, 1));

let root: Issuer;
let inter: Issuer;
let leafKeys: CryptoKeyPair;
beforeAll(async () => {
  root = await makeCa('CN=Test Root,O=certbench');
  inter = await makeCa('CN=Test Intermediate,O=certbench', root, { ca: 0 });
  leafKeys = await newKey();
});

function leaf(over: Partial<CertSpec> = {}, issuer: Issuer = inter): Promise<x509.X509Certificate> {
  return makeCert({
    subject: 'CN=node1.example.com',
    keys: leafKeys,
    issuer,
    ca: false,
    keyUsage: KU.digitalSignature,
    eku: [SERVER, CLIENT],
    san: [
      { type: 'dns', value: 'node1.example.com' },
      { type: 'ip', value: '10.0.0.1' },
    ],
    ...over,
  });
}

interface Row {
  name: string;
  build: () => Promise<ValidateOptions>;
  valid: boolean;
  /** Codes that must appear among the findings. */
  codes: string[];
  /** Cross-check the verdict with `openssl verify`. */
  openssl?: boolean;
}

const std = async (over: Partial<CertSpec> = {}): Promise<ValidateOptions> => ({
  leaf: await leaf(over),
  intermediates: [inter.cert],
  anchors: [root.cert],
  at: AT,
});

const rows: Row[] = [
  { name: 'good chain', build: () => std(), valid: true, codes: [], openssl: true },
  {
    name: 'good chain, server purpose and host',
    build: async () => ({ ...(await std()), purpose: 'server', host: 'node1.example.com' }),
    valid: true,
    codes: [],
    openssl: true,
  },
  {
    name: 'expired leaf',
    build: async () => ({ ...(await std()), at: new Date(Date.UTC(2028, 0, 1)) }),
    valid: false,
    codes: ['expired'],
    openssl: true,
  },
  { name: 'validity end is inclusive', build: async () => ({ ...(await std()), at: T1 }), valid: true, codes: [] },
  { name: 'validity start is inclusive', build: async () => ({ ...(await std()), at: T0 }), valid: true, codes: [] },
  {
    name: 'one second after the end',
    build: async () => ({ ...(await std()), at: new Date(T1.getTime() + 1000) }),
    valid: false,
    codes: ['expired'],
  },
  {
    name: 'not yet valid',
    build: async () => ({ ...(await std()), at: new Date(Date.UTC(2024, 0, 1)) }),
    valid: false,
    codes: ['not-yet-valid'],
    openssl: true,
  },
  {
    name: 'root not trusted',
    build: async () => ({
      ...(await std()),
      intermediates: [inter.cert, root.cert],
      anchors: [(await makeCa('CN=Other Root')).cert],
    }),
    valid: false,
    codes: ['untrusted-root'],
    openssl: true,
  },
  {
    name: 'intermediate missing',
    build: async () => ({ ...(await std()), intermediates: [] }),
    valid: false,
    codes: ['missing-intermediate'],
    openssl: true,
  },
  {
    name: 'issuer is not a CA',
    build: async () => {
      const notCa = await makeCa('CN=Not A CA', root, { ca: false, keyUsage: KU.digitalSignature });
      return { leaf: await leaf({}, notCa), intermediates: [notCa.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['issuer-not-ca'],
    openssl: true,
  },
  {
    name: 'issuer without basicConstraints',
    build: async () => {
      const noBc = await makeCa('CN=No BC', root, { ca: undefined });
      return { leaf: await leaf({}, noBc), intermediates: [noBc.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['issuer-not-ca'],
    openssl: true,
  },
  {
    name: 'issuer without keyCertSign',
    build: async () => {
      const noKcs = await makeCa('CN=No KCS', root, { keyUsage: KU.cRLSign });
      return { leaf: await leaf({}, noKcs), intermediates: [noKcs.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['issuer-missing-key-cert-sign'],
    openssl: true,
  },
  {
    name: 'path length exceeded under pathLen 0',
    build: async () => {
      const sub = await makeCa('CN=Sub Intermediate', inter);
      return { leaf: await leaf({}, sub), intermediates: [sub.cert, inter.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['path-length-exceeded'],
    openssl: true,
  },
  {
    name: 'root pathLen 0 forbids intermediates',
    build: async () => {
      const r0 = await makeCa('CN=Root Zero', undefined, { ca: 0 });
      const i0 = await makeCa('CN=Int Zero', r0);
      return { leaf: await leaf({}, i0), intermediates: [i0.cert], anchors: [r0.cert], at: AT };
    },
    valid: false,
    codes: ['path-length-exceeded'],
    openssl: true,
  },
  {
    name: 'self-issued intermediate does not count toward pathLen',
    build: async () => {
      const r = await makeCa('CN=Roll Root');
      const oldCa = await makeCa('CN=Roll CA', r, { ca: 0 });
      const newCa = await makeCa('CN=Roll CA', oldCa);
      return { leaf: await leaf({}, newCa), intermediates: [newCa.cert, oldCa.cert], anchors: [r.cert], at: AT };
    },
    valid: true,
    codes: [],
    openssl: true,
  },
  ...constraintRows(),
  {
    name: 'bad signature on the leaf',
    build: async () => {
      const good = await leaf();
      const forged = await resign(good, (await newKey()).privateKey, () => undefined);
      return { leaf: forged, intermediates: [inter.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['bad-signature'],
    openssl: true,
  },
  {
    name: 'unknown critical extension',
    build: () => std({ extra: [new x509.Extension('1.3.6.1.4.1.99999.1', true, new Uint8Array([5, 0]))] }),
    valid: false,
    codes: ['unknown-critical-extension'],
    openssl: true,
  },
  {
    name: 'unknown non-critical extension is fine',
    build: () => std({ extra: [new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([5, 0]))] }),
    valid: true,
    codes: [],
    openssl: true,
  },
  {
    name: 'client-only leaf used as server',
    build: async () => ({ ...(await std({ eku: [CLIENT] })), purpose: 'server' }),
    valid: false,
    codes: ['eku-missing-server-auth'],
    openssl: true,
  },
  {
    name: 'server-only leaf used as client',
    build: async () => ({ ...(await std({ eku: [SERVER] })), purpose: 'client' }),
    valid: false,
    codes: ['eku-missing-client-auth'],
    openssl: true,
  },
  {
    name: 'intermediate EKU without serverAuth',
    build: async () => {
      const i = await makeCa('CN=Client Only CA', root, { eku: [CLIENT] });
      return { leaf: await leaf({}, i), intermediates: [i.cert], anchors: [root.cert], at: AT, purpose: 'server' };
    },
    valid: false,
    codes: ['eku-missing-server-auth'],
    openssl: true,
  },
  {
    name: 'expired root (RFC 5280 would not check it; OpenSSL does)',
    build: async () => {
      const old = await makeCa('CN=Old Root', undefined, { notAfter: new Date(Date.UTC(2025, 11, 31)) });
      return { leaf: await leaf({}, old), anchors: [old.cert], at: AT };
    },
    valid: false,
    codes: ['expired'],
    openssl: true,
  },
  {
    name: 'leaf keyUsage without a TLS server bit',
    build: async () => ({ ...(await std({ keyUsage: KU.nonRepudiation })), purpose: 'server' }),
    valid: false,
    codes: ['key-usage-forbids-purpose'],
    openssl: true,
  },
  {
    name: 'leaf keyUsage keyEncipherment only, as a client',
    build: async () => ({ ...(await std({ keyUsage: KU.keyEncipherment })), purpose: 'client' }),
    valid: false,
    codes: ['key-usage-forbids-purpose'],
    openssl: true,
  },
  {
    name: 'host not in SANs',
    build: async () => ({ ...(await std()), host: 'node2.example.com' }),
    valid: false,
    codes: ['host-mismatch'],
  },
  {
    name: 'IP not in SANs',
    build: async () => ({ ...(await std()), host: '10.0.0.2' }),
    valid: false,
    codes: ['ip-not-in-sans'],
  },
  {
    name: 'host only in the CN',
    build: async () => ({
      ...(await std({ san: undefined, subject: 'CN=legacy.example.com' })),
      host: 'legacy.example.com',
    }),
    valid: true,
    codes: ['host-matched-by-cn'],
  },
  // Issue 8: RFC 5280 §4.2.1.1-2 as errors (Python 3.13+ refuses too); OpenSSL's default accepts.
  {
    name: 'missing SKI and AKI are errors under RFC 5280',
    build: async () => {
      const i = await makeCa('CN=No SKI CA', root, { ski: false });
      return { leaf: await leaf({ aki: false }, i), intermediates: [i.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['missing-ski', 'missing-aki'],
    openssl: true,
  },
  {
    name: 'keyEncipherment on an EC leaf',
    build: () => std({ keyUsage: KU.digitalSignature | KU.keyEncipherment }),
    valid: true,
    codes: ['key-usage-wrong-for-key-type'],
  },
  {
    name: 'RSA 1024 leaf',
    build: async () => {
      const small = await makeCert({
        subject: 'CN=small',
        keys: await newKey('rsa1024'),
        issuer: inter,
        ca: false,
        keyUsage: KU.digitalSignature,
        san: [{ type: 'dns', value: 'small.example' }],
      });
      return { leaf: small, intermediates: [inter.cert], anchors: [root.cert], at: AT };
    },
    valid: false,
    codes: ['rsa-too-small'],
  },
  {
    name: 'SHA-1 signed leaf',
    build: async () => {
      const k = await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
        true,
        ['sign', 'verify'],
      );
      const r = await x509.X509CertificateGenerator.createSelfSigned({
        name: 'CN=SHA1 Root',
        keys: k,
        notBefore: T0,
        notAfter: T1,
        signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' },
        extensions: [
          new x509.BasicConstraintsExtension(true, undefined, true),
          new x509.KeyUsagesExtension(KU.keyCertSign, true),
        ],
      });
      const l = await x509.X509CertificateGenerator.create({
        subject: 'CN=sha1 leaf',
        issuer: r.subject,
        publicKey: leafKeys.publicKey,
        signingKey: k.privateKey,
        notBefore: T0,
        notAfter: T1,
        signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' },
      });
      return { leaf: l, anchors: [r], at: AT };
    },
    valid: false,
    codes: ['sha1-signature'],
  },
  {
    name: 'trusted self-signed leaf',
    build: async () => {
      const self = await makeCert({
        subject: 'CN=self.example',
        keys: leafKeys,
        ca: false,
        keyUsage: KU.digitalSignature,
        san: [{ type: 'dns', value: 'self.example' }],
      });
      return { leaf: self, anchors: [self], at: AT };
    },
    valid: true,
    codes: [],
  },
  {
    name: 'trailing bytes after the leaf (x509 parses it, strict DER does not)',
    build: async () => {
      const good = await leaf();
      return {
        leaf: new x509.X509Certificate(new Uint8Array([...new Uint8Array(good.rawData), 0, 0])),
        intermediates: [inter.cert],
        anchors: [root.cert],
        at: AT,
      };
    },
    valid: false,
    codes: ['unreadable-certificate'],
  },
  {
    name: 'depth bound',
    build: async () => ({ ...(await std()), bounds: { maxDepth: 1 } }),
    valid: false,
    codes: ['path-not-found'],
  },
];

function dn(text: string): AsnName {
  return AsnConvert.parse(new x509.Name(text).toArrayBuffer(), AsnName);
}

function constraintRows(): Row[] {
  const nc = (
    name: string,
    c: Partial<CertSpec>,
    san: CertSpec['san'],
    valid: boolean,
    subject = 'CN=node1.example.com',
  ): Row => ({
    name,
    valid,
    codes: valid ? [] : ['name-constraint-violated'],
    openssl: true,
    build: async () => {
      const ca = await makeCa(`CN=NC ${name}`, root, c);
      return { leaf: await leaf({ san, subject }, ca), intermediates: [ca.cert], anchors: [root.cert], at: AT };
    },
  });
  const dns = (v: string) => [{ type: 'dns' as const, value: v }];
  return [
    nc('DNS permitted, inside', { permitted: [{ dNSName: 'example.com' }] }, dns('a.example.com'), true),
    nc('DNS permitted, outside', { permitted: [{ dNSName: 'example.com' }] }, dns('a.example.org'), false),
    nc(
      'DNS permitted, label suffix is not a subdomain',
      { permitted: [{ dNSName: 'example.com' }] },
      dns('badexample.com'),
      false,
    ),
    nc('DNS excluded', { excluded: [{ dNSName: 'bad.example.com' }] }, dns('x.bad.example.com'), false),
    nc('IP permitted, inside', { permitted: [{ iPAddress: '10.0.0.0/8' }] }, [{ type: 'ip', value: '10.1.2.3' }], true),
    nc(
      'IP permitted, outside',
      { permitted: [{ iPAddress: '10.0.0.0/8' }] },
      [{ type: 'ip', value: '192.168.1.1' }],
      false,
    ),
    nc('IPv6 excluded', { excluded: [{ iPAddress: '2001:db8::/32' }] }, [{ type: 'ip', value: '2001:db8::5' }], false),
    nc(
      'email permitted domain',
      { permitted: [{ rfc822Name: '.example.com' }] },
      [{ type: 'email', value: 'ops@mail.example.com' }],
      true,
    ),
    nc(
      'email permitted host, other host',
      { permitted: [{ rfc822Name: 'example.com' }] },
      [{ type: 'email', value: 'ops@mail.example.com' }],
      false,
    ),
    nc(
      'URI permitted host',
      { permitted: [{ uniformResourceIdentifier: 'svc.example.com' }] },
      [{ type: 'url', value: 'spiffe://other.example.com/x' }],
      false,
    ),
    nc(
      'URI permitted host, same host',
      { permitted: [{ uniformResourceIdentifier: 'svc.example.com' }] },
      [{ type: 'url', value: 'spiffe://svc.example.com/x' }],
      true,
    ),
    nc(
      'directoryName permitted, inside',
      { permitted: [{ directoryName: dn('O=certbench') }] },
      dns('node1.example.com'),
      true,
      'O=certbench, CN=node1',
    ),
    nc(
      'directoryName permitted, outside',
      { permitted: [{ directoryName: dn('O=certbench') }] },
      dns('node1.example.com'),
      false,
      'O=other, CN=node1',
    ),
    nc(
      'directoryName excluded',
      { excluded: [{ directoryName: dn('O=certbench, OU=bad') }] },
      dns('node1.example.com'),
      false,
      'O=certbench, OU=bad, CN=node1',
    ),
  ];
}

function opensslVerify(o: ValidateOptions): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  const pem = (list: unknown[]) => list.map((c) => (c as x509.X509Certificate).toString('pem')).join('\n');
  writeFileSync(join(dir, 'ca.pem'), pem(o.anchors));
  writeFileSync(join(dir, 'untrusted.pem'), pem(o.intermediates ?? []) || '\n');
  writeFileSync(join(dir, 'leaf.pem'), pem([o.leaf]));
  const args = [
    'verify',
    '-CAfile',
    join(dir, 'ca.pem'),
    '-attime',
    String(Math.floor((o.at ?? new Date()).getTime() / 1000)),
  ];
  if (o.intermediates?.length) args.push('-untrusted', join(dir, 'untrusted.pem'));
  if (o.purpose) args.push('-purpose', o.purpose === 'server' ? 'sslserver' : 'sslclient');
  if (o.host) args.push(/^[\d.]+$|:/.test(o.host) ? '-verify_ip' : '-verify_hostname', o.host);
  args.push(join(dir, 'leaf.pem'));
  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
    return true;
  } catch (e) {
    if ((e as { status?: number }).status === undefined)
      throw new Error('openssl is missing (apt-get install openssl)', { cause: e });
    return false;
  }
}

describe('validatePath: verdicts and diagnosis codes', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const options = await row.build();
      const result = await validatePath(options);
      const codes = result.findings.map((f) => f.code);
      expect(result.valid, JSON.stringify(result.findings)).toBe(row.valid);
      for (const code of row.codes) expect(codes).toContain(code);
      if (row.valid) expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // openssl verify (default flags) is the judge of the openssl profile's verdict.
      if (row.openssl)
        expect(opensslVerify(options), 'openssl verify disagrees').toBe(
          result.clients.find((c) => c.id === 'openssl')?.accepts,
        );
    });
  }
});

/** The global WebCrypto with its verify calls counted (validatePath takes crypto as an argument). */
function countingCrypto(): { crypto: Crypto; verifies: () => number } {
  const { subtle } = globalThis.crypto;
  let count = 0;
  const counted = {
    importKey: (...args: Parameters<SubtleCrypto['importKey']>) => subtle.importKey(...args),
    verify: (...args: Parameters<SubtleCrypto['verify']>) => {
      count++;
      return subtle.verify(...args);
    },
  };
  return { crypto: { subtle: counted } as unknown as Crypto, verifies: () => count };
}

describe('path building on cyclic and dense cross-signed pools', () => {
  /** `n` CAs, each cross-signed by every other one: n*(n-1) certificates, every name reachable from every other. */
  async function crossSigned(n: number): Promise<{ cas: Issuer[]; pool: x509.X509Certificate[] }> {
    const cas: Issuer[] = [];
    for (let i = 0; i < n; i++) cas.push(await makeCa(`CN=Mesh ${i}`));
    const pool: x509.X509Certificate[] = [];
    for (const subject of cas) {
      for (const issuer of cas) {
        if (subject === issuer) continue;
        pool.push(
          await makeCert({
            subject: subject.cert.subject,
            keys: subject.keys,
            issuer,
            ca: true,
            keyUsage: KU.keyCertSign,
          }),
        );
      }
    }
    return { cas, pool };
  }
  const rows: { name: string; n: number; trusted: boolean; valid: boolean }[] = [
    { name: 'two CAs signing each other, no anchor reachable', n: 2, trusted: false, valid: false },
    { name: 'six CAs all cross-signed, no anchor reachable', n: 6, trusted: false, valid: false },
    { name: 'six CAs all cross-signed, the last one signed by the root', n: 6, trusted: true, valid: true },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { cas, pool } = await crossSigned(row.n);
      const last = cas[cas.length - 1];
      const first = cas[0];
      if (!last || !first) throw new Error('no CAs');
      if (row.trusted)
        pool.push(
          await makeCert({
            subject: last.cert.subject,
            keys: last.keys,
            issuer: root,
            ca: true,
            keyUsage: KU.keyCertSign,
          }),
        );
      const { crypto: counted, verifies } = countingCrypto();
      const result = await validatePath(
        { leaf: await leaf({}, first), intermediates: pool, anchors: [root.cert], at: AT },
        counted,
      );
      expect(result.valid).toBe(row.valid);
      // The work, counted rather than timed: each (certificate, candidate issuer) pair is verified
      // at most once, however many paths through the cycles the search walks.
      expect(verifies()).toBeLessThanOrEqual((pool.length + 1) * (pool.length + 1));
    });
  }
});

describe('checkPath: name chaining', () => {
  const rows: { name: string; issuerSubject: string; want: boolean }[] = [
    {
      name: 'issuer name equal (case and spaces differ)',
      issuerSubject: 'CN=test   intermediate,O=CERTBENCH',
      want: true,
    },
    { name: 'issuer name differs', issuerSubject: 'CN=Someone Else', want: false },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const l = await makeCert({
        subject: 'CN=chained',
        keys: leafKeys,
        issuer: { cert: await makeCert({ subject: row.issuerSubject, keys: inter.keys }), keys: inter.keys },
      });
      const findings = await checkPath({
        anchor: root.cert,
        path: [inter.cert, l],
        at: AT,
        verifySignature: signatureChecker(crypto),
      });
      expect(findings.some((f) => f.code === 'name-chaining')).toBe(!row.want);
    });
  }
});

describe('crypto is an argument', () => {
  it('the same verdicts through @peculiar/webcrypto', async () => {
    const { Crypto } = await import('@peculiar/webcrypto');
    const other = new Crypto() as unknown as globalThis.Crypto;
    const good = await std();
    const forged = { ...good, leaf: await resign(await leaf(), (await newKey()).privateKey, () => undefined) };
    expect((await validatePath(good, other)).valid).toBe(true);
    expect((await validatePath(forged, other)).findings.map((f) => f.code)).toContain('bad-signature');
  });
});

describe("missing key identifiers: openssl verify -x509_strict (what Python's VERIFY_X509_STRICT sets) agrees", () => {
  const rows: { name: string; build: () => Promise<ValidateOptions>; want: string[] }[] = [
    { name: 'identifiers present', build: () => std(), want: [] },
    { name: 'leaf without AKI', build: () => std({ aki: false }), want: ['missing-aki'] },
    {
      name: 'intermediate without SKI',
      build: async () => {
        const i = await makeCa('CN=Strict No SKI', root, { ski: false });
        return { leaf: await leaf({}, i), intermediates: [i.cert], anchors: [root.cert], at: AT };
      },
      want: ['missing-ski'],
    },
    {
      name: 'intermediate without AKI',
      build: async () => {
        const i = await makeCa('CN=Strict No AKI', root, { aki: false });
        return { leaf: await leaf({}, i), intermediates: [i.cert], anchors: [root.cert], at: AT };
      },
      want: ['missing-aki'],
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const options = await row.build();
      const result = await validatePath(options);
      const codes = result.findings.map((f) => f.code).filter((c) => c === 'missing-aki' || c === 'missing-ski');
      expect(codes).toEqual(row.want);
      const dir = mkdtempSync(join(tmpdir(), 'strict-'));
      writeFileSync(
        join(dir, 'ca.pem'),
        options.anchors.map((c) => (c as x509.X509Certificate).toString('pem')).join('\n'),
      );
      writeFileSync(
        join(dir, 'int.pem'),
        (options.intermediates ?? []).map((c) => (c as x509.X509Certificate).toString('pem')).join('\n'),
      );
      writeFileSync(join(dir, 'leaf.pem'), (options.leaf as x509.X509Certificate).toString('pem'));
      let strictOk = true;
      try {
        execFileSync(
          'openssl',
          [
            'verify',
            '-x509_strict',
            '-attime',
            String(AT.getTime() / 1000),
            '-CAfile',
            join(dir, 'ca.pem'),
            '-untrusted',
            join(dir, 'int.pem'),
            join(dir, 'leaf.pem'),
          ],
          { stdio: 'pipe' },
        );
      } catch (e) {
        if ((e as { status?: number }).status === undefined)
          throw new Error('openssl is missing (apt-get install openssl)', { cause: e });
        strictOk = false;
      }
      expect(strictOk).toBe(row.want.length === 0);
      expect(result.clients.find((c) => c.id === 'python')?.accepts).toBe(strictOk);
    });
  }
});
