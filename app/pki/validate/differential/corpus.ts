/**
 * The differential corpus (issue 8, Acceptance): each RFC 5280 profile rule of the issue at each
 * position where it applies (root/anchor, intermediate, leaf), the stacks' known differences
 * (partial chains, v1 anchors), and controls every stack accepts or refuses alike. Rows are data;
 * the chains are made when the test runs, by test-kit.ts through chain-builder.ts.
 */
import * as x509 from '@peculiar/x509';
import type { Purpose } from '../path-checks.ts';
import {
  asVersion1,
  authorityInfoAccess,
  directoryName,
  withEcdsaSha1Signature,
  withInnerSignatureAlgorithm,
  withGeneralizedNotBefore,
  DER_EMPTY_SEQUENCE,
  DER_NULL,
  nameConstraintsExtension,
  rawExtension,
  withSerialBytes,
} from '../test-kit-raw.ts';
import { makeCa } from '../test-kit.ts';
import {
  buildChain,
  CLIENT_AUTH,
  CORPUS_AT,
  CORPUS_NOT_AFTER,
  CORPUS_NOT_BEFORE,
  SERVER_AUTH,
  type Bend,
  type ChainShape,
} from './chain-builder.ts';
import type { Position, Variant } from './variant.ts';

const KU = x509.KeyUsageFlags;
const AKI = '2.5.29.35';
const SAN = '2.5.29.17';
const UNKNOWN_OID = '1.3.6.1.4.1.55555.1.1';
const POLICY_CONSTRAINTS = '2.5.29.36';
/** PolicyConstraints { inhibitPolicyMapping 0 } (RFC 5280 §4.2.1.11). */
const INHIBIT_POLICY_MAPPING_0 = new Uint8Array([0x30, 0x03, 0x81, 0x01, 0x00]);
const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';
const HOST = 'leaf.example.com';
/** A name-constraint iPAddress (@peculiar writes the address and mask of RFC 5280 §4.2.1.10 from CIDR). */
const IP_10_SLASH_8 = '10.0.0.0/8';

interface Row {
  rule: string;
  position: Position;
  notes: string;
  /** Distinguishes rows with the same rule and position. */
  tag?: string;
  shape?: ChainShape;
  purpose?: Purpose;
  host?: string;
  /** The certificate the client trusts (default: the root). */
  trust?: 'root' | 'intermediate' | 'other-root' | 'leaf';
  /** certbench's rfc5280 verdict where the rule's name alone does not settle it (see rfc5280Expectation). */
  rfc5280?: boolean;
}

type CaPosition = 'root' | 'intermediate';
type AnyPosition = CaPosition | 'leaf';

/** A bend of one certificate placed in the shape. */
const at = (position: AnyPosition, bend: Bend): ChainShape => ({ [position]: bend });

/** One row per position for a rule. */
function each<P extends AnyPosition>(positions: P[], rule: string, notes: string, bend: (p: P) => Bend): Row[] {
  return positions.map((position) => ({ rule, position, notes, shape: at(position, bend(position)) }));
}

const akiFor = async (issuerKey: CryptoKey, critical: boolean) =>
  x509.AuthorityKeyIdentifierExtension.create(issuerKey, critical);
const skiFor = async (key: CryptoKey, critical: boolean) => x509.SubjectKeyIdentifierExtension.create(key, critical);
const dns = (value: string): x509.JsonGeneralName => ({ type: 'dns', value });
const leafSan = (extra: x509.JsonGeneralName[]) => [dns(HOST), { type: 'ip' as const, value: '127.0.0.1' }, ...extra];
const permitExampleCom = (critical = true) => nameConstraintsExtension([{ dNSName: 'example.com' }], [], critical);

const SERIALS: { tag: string; bytes: number[]; note: string }[] = [
  { tag: 'zero', bytes: [0x00], note: 'serial 0 (RFC 5280 §4.1.2.2: positive)' },
  { tag: 'negative', bytes: [0xff, 0x01], note: 'serial -255' },
  { tag: '21-octets', bytes: [0x01, ...Array<number>(20).fill(0x23)], note: 'a 21-octet serial (at most 20)' },
];

const ROWS: Row[] = [
  // Controls: every stack should accept these (or refuse, for the negative controls).
  {
    rule: 'control',
    position: 'chain',
    tag: 'server-dns',
    notes: 'root → intermediate → leaf as certbench issues them, dialed by DNS name',
  },
  { rule: 'control', position: 'chain', tag: 'server-ip', host: '127.0.0.1', notes: 'dialed by IP address (IP SAN)' },
  {
    rule: 'control',
    position: 'chain',
    tag: 'client',
    purpose: 'client',
    notes: 'client certificate checked by a server',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'leaf-under-root',
    shape: { intermediate: null },
    notes: 'no intermediate',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'rsa2048',
    shape: {
      root: { alg: 'rsa2048' },
      intermediate: { alg: 'rsa2048' },
      leaf: { alg: 'rsa2048', spec: { keyUsage: KU.digitalSignature | KU.keyEncipherment } },
    },
    notes: 'RSA 2048 throughout',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'p384',
    shape: { root: { alg: 'p384' }, intermediate: { alg: 'p384' }, leaf: { alg: 'p384' } },
    notes: 'P-384 keys (signatures stay ECDSA-SHA256)',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'ed25519-leaf',
    shape: { leaf: { alg: 'ed25519' } },
    notes: 'Ed25519 leaf key',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'serial-20-octets',
    shape: { leaf: { after: (c, s) => withSerialBytes(c, s, [0x7f, ...Array<number>(19).fill(0x23)]) } },
    notes: 'a 20-octet serial is the largest allowed',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'empty-subject-critical-san',
    shape: { leaf: { spec: { subject: '', sanCritical: true } } },
    notes: 'empty leaf subject with a critical SAN (RFC 5280 §4.1.2.6)',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'leaf-without-bc',
    shape: { leaf: { spec: { ca: undefined } } },
    notes: 'a leaf without basicConstraints',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'name-constraints-met',
    shape: { intermediate: { extra: () => [permitExampleCom()] } },
    notes: 'intermediate permits example.com; the leaf is inside',
  },
  {
    rule: 'control',
    position: 'chain',
    tag: 'intermediate-pathlen-0',
    shape: { intermediate: { spec: { ca: 0 } } },
    notes: 'pathLenConstraint 0 above a leaf',
  },

  // Negative controls: every stack refuses these.
  {
    rule: 'baseline',
    position: 'leaf',
    tag: 'wrong-host',
    host: 'other.example.com',
    notes: 'the leaf does not cover the host',
  },
  {
    rule: 'baseline',
    position: 'leaf',
    tag: 'eku-client-only',
    shape: { leaf: { spec: { eku: [CLIENT_AUTH] } } },
    notes: 'a server chain whose leaf is for clients only',
  },
  {
    rule: 'baseline',
    position: 'leaf',
    tag: 'eku-server-only-as-client',
    purpose: 'client',
    shape: { leaf: { spec: { eku: [SERVER_AUTH] } } },
    notes: 'a client chain whose leaf is for servers only',
  },
  {
    rule: 'baseline',
    position: 'leaf',
    tag: 'expired',
    shape: { leaf: { spec: { notAfter: new Date(Date.UTC(2026, 0, 1)) } } },
    notes: "expired at the judges' time and now",
  },
  {
    rule: 'baseline',
    position: 'root',
    tag: 'untrusted',
    trust: 'other-root',
    notes: 'the client trusts another root',
  },
  {
    rule: 'baseline',
    position: 'intermediate',
    tag: 'not-a-ca',
    shape: { intermediate: { spec: { ca: false, keyUsage: KU.digitalSignature } } },
    notes: 'the issuer is not a CA',
  },
  {
    rule: 'baseline',
    position: 'intermediate',
    tag: 'name-constraint-violated',
    shape: { intermediate: { extra: () => [nameConstraintsExtension([{ dNSName: 'example.org' }], [], true)] } },
    notes: 'intermediate permits example.org only',
  },
  {
    rule: 'partial-chain',
    position: 'intermediate',
    trust: 'intermediate',
    notes: 'the client trusts the intermediate, not the root: OpenSSL needs -partial_chain (Python 3.13 sets it)',
  },

  // AKI: present on every certificate that is not self-signed, never critical, with a keyIdentifier (RFC 5280 §4.2.1.1).
  ...each(['intermediate', 'leaf'], 'aki-missing', 'no authority key identifier', () => ({ spec: { aki: false } })),
  ...each(['root', 'intermediate', 'leaf'], 'aki-critical', 'authority key identifier marked critical', (p) => ({
    spec: { aki: false },
    extra: async (k) => [await akiFor((p === 'root' ? k.self : k.issuer).publicKey, true)],
  })),
  ...each(
    ['intermediate', 'leaf'],
    'aki-without-keyid',
    'authority key identifier that is an empty SEQUENCE (no keyIdentifier)',
    () => ({
      spec: { aki: false },
      extra: () => [rawExtension(AKI, false, DER_EMPTY_SEQUENCE)],
    }),
  ),

  // SKI: on every CA, never critical (RFC 5280 §4.2.1.2).
  ...each(
    ['root', 'intermediate', 'leaf'],
    'ski-missing',
    'no subject key identifier (a MUST for CAs, a SHOULD for leaves)',
    () => ({ spec: { ski: false } }),
  ),
  ...each(['root', 'intermediate', 'leaf'], 'ski-critical', 'subject key identifier marked critical', () => ({
    spec: { ski: false },
    extra: async (k) => [await skiFor(k.self.publicKey, true)],
  })),

  // Serial: positive, non-zero, at most 20 octets (RFC 5280 §4.1.2.2).
  ...SERIALS.flatMap((s) =>
    each(['root', 'intermediate', 'leaf'], `serial-${s.tag}`, s.note, () => ({
      after: (c, signer) => withSerialBytes(c, signer, s.bytes),
    })),
  ),

  // Names: a CA's subject non-empty (so no issuer is empty); an empty leaf subject needs a critical SAN (RFC 5280 §4.1.2.4, §4.1.2.6).
  ...each(
    ['root', 'intermediate'],
    'subject-empty',
    'a CA with an empty subject (its certificates have an empty issuer)',
    () => ({ spec: { subject: '' } }),
  ),
  {
    rule: 'subject-empty',
    position: 'leaf',
    tag: 'san-not-critical',
    shape: { leaf: { spec: { subject: '', sanCritical: false } } },
    notes: 'empty leaf subject, SAN not critical',
  },

  // basicConstraints present and critical on CAs, the v3 anchor included (RFC 5280 §4.2.1.9).
  ...each(['root', 'intermediate'], 'bc-not-critical', 'basicConstraints cA=TRUE, not critical', () => ({
    spec: { caCritical: false },
  })),
  ...each(['root', 'intermediate'], 'bc-missing', 'a v3 CA without basicConstraints', () => ({
    spec: { ca: undefined },
  })),

  // keyUsage and cA agree (RFC 5280 §4.2.1.3, §4.2.1.9).
  ...each(['root', 'intermediate'], 'ca-without-keycertsign', 'cA=TRUE with a keyUsage lacking keyCertSign', () => ({
    spec: { keyUsage: KU.cRLSign | KU.digitalSignature },
  })),
  ...each(['root', 'intermediate'], 'ku-missing', 'a CA without keyUsage (RFC 5280 §4.2.1.3: MUST for CAs)', () => ({
    spec: { keyUsage: undefined },
  })),
  {
    rule: 'ca-as-leaf',
    position: 'leaf',
    shape: { leaf: { spec: { ca: true, keyUsage: KU.digitalSignature | KU.keyCertSign } } },
    notes: 'the leaf is a CA certificate (cA=TRUE, keyCertSign)',
  },
  {
    rule: 'keycertsign-without-ca',
    position: 'leaf',
    tag: 'ca-false',
    shape: { leaf: { spec: { keyUsage: KU.digitalSignature | KU.keyCertSign } } },
    notes: 'keyCertSign with cA=FALSE',
  },
  {
    rule: 'keycertsign-without-ca',
    position: 'leaf',
    tag: 'no-bc',
    shape: { leaf: { spec: { ca: undefined, keyUsage: KU.digitalSignature | KU.keyCertSign } } },
    notes: 'keyCertSign without basicConstraints',
  },

  // Name constraints: only in CAs, critical, not both subtrees empty (RFC 5280 §4.2.1.10).
  {
    rule: 'nc-in-leaf',
    position: 'leaf',
    shape: { leaf: { extra: () => [permitExampleCom()] } },
    notes: 'a leaf carrying (critical) name constraints',
  },
  ...each(['root', 'intermediate'], 'nc-not-critical', 'name constraints (permit example.com) not critical', () => ({
    extra: () => [permitExampleCom(false)],
  })),
  ...each(['root', 'intermediate'], 'nc-empty', 'critical name constraints with neither subtree', () => ({
    extra: () => [rawExtension('2.5.29.30', true, DER_EMPTY_SEQUENCE)],
  })),

  // Malformed SAN entries are refused, under a name constraint or not (RFC 5280 §4.2.1.6). The host is still covered by a good entry.
  {
    rule: 'san-leading-dot',
    position: 'leaf',
    shape: { leaf: { spec: { san: leafSan([dns('.bad.example.com')]) } } },
    notes: 'a DNS SAN ".bad.example.com" beside good ones',
  },
  {
    rule: 'san-leading-dot',
    position: 'leaf',
    tag: 'under-nc',
    shape: {
      intermediate: { extra: () => [permitExampleCom()] },
      leaf: { spec: { san: leafSan([dns('.bad.example.com')]) } },
    },
    notes: 'the same under a name constraint permitting example.com',
  },
  {
    rule: 'san-empty-dns',
    position: 'leaf',
    shape: { leaf: { spec: { san: leafSan([dns('')]) } } },
    notes: 'an empty DNS SAN beside good ones',
  },
  {
    rule: 'san-empty-dns',
    position: 'leaf',
    tag: 'under-nc',
    shape: { intermediate: { extra: () => [permitExampleCom()] }, leaf: { spec: { san: leafSan([dns('')]) } } },
    notes: 'the same under a name constraint',
  },
  {
    rule: 'san-space',
    position: 'leaf',
    shape: { leaf: { spec: { san: leafSan([dns('bad name.example.com')]) } } },
    notes: 'a DNS SAN with a space beside good ones',
  },
  {
    rule: 'san-space',
    position: 'leaf',
    tag: 'under-nc',
    shape: {
      intermediate: { extra: () => [permitExampleCom()] },
      leaf: { spec: { san: leafSan([dns('bad name.example.com')]) } },
    },
    notes: 'a DNS SAN with a space, under a name constraint',
  },
  {
    rule: 'san-missing',
    position: 'leaf',
    shape: { leaf: { spec: { san: undefined } } },
    notes: 'no SAN: the host only in the CN',
  },
  {
    rule: 'eku-missing',
    position: 'leaf',
    shape: { leaf: { spec: { eku: undefined } } },
    notes: 'no EKU: RFC 5280 allows every purpose, the Web PKI wants serverAuth',
  },
  {
    rule: 'weak-key',
    position: 'leaf',
    tag: 'rsa1024',
    shape: { leaf: { alg: 'rsa1024', spec: { keyUsage: KU.digitalSignature | KU.keyEncipherment } } },
    notes: 'an RSA 1024 leaf key (OpenSSL security level 2 wants 2048)',
  },
  {
    rule: 'san-extension-empty',
    position: 'leaf',
    shape: { leaf: { spec: { san: undefined }, extra: () => [rawExtension(SAN, false, DER_EMPTY_SEQUENCE)] } },
    host: HOST,
    notes: 'a SAN extension with no names (RFC 5280: at least one); CN still names the host',
  },

  // Extensions: no duplicates, AIA never critical, unknown critical refused (RFC 5280 §4.2, §4.2.2.1).
  ...each(
    ['root', 'intermediate', 'leaf'],
    'duplicate-extension',
    'the same extension twice (a second, identical, non-critical SKI)',
    () => ({
      extra: async (k) => [await skiFor(k.self.publicKey, false)],
    }),
  ),
  ...each(['root', 'intermediate', 'leaf'], 'aia-critical', 'authority information access marked critical', () => ({
    extra: () => [authorityInfoAccess('http://ca.example.com/ca.crt', true)],
  })),
  ...each(['root', 'intermediate', 'leaf'], 'unknown-critical', 'an unknown critical extension', () => ({
    extra: () => [rawExtension(UNKNOWN_OID, true, DER_NULL)],
  })),
  ...each(
    ['root', 'intermediate', 'leaf'],
    'unknown-not-critical',
    'an unknown non-critical extension (allowed)',
    () => ({ extra: () => [rawExtension(UNKNOWN_OID, false, DER_NULL)] }),
  ),

  // Validity, path length and name constraints at each position: where the stacks differ on the anchor.
  {
    rule: 'expired',
    position: 'root',
    shape: { root: { spec: { notAfter: new Date(Date.UTC(2026, 0, 1)) } } },
    notes: 'the trust anchor expired (RFC 5280 §6.1.1 (d) does not check it; most stacks do)',
  },
  {
    rule: 'expired',
    position: 'intermediate',
    shape: { intermediate: { spec: { notAfter: new Date(Date.UTC(2026, 0, 1)) } } },
    notes: 'the intermediate expired',
    rfc5280: false,
  },
  {
    rule: 'not-yet-valid',
    position: 'leaf',
    shape: { leaf: { spec: { notBefore: new Date(Date.UTC(2049, 0, 1)) } } },
    notes: 'the leaf is valid from 2049',
  },
  {
    rule: 'path-length-exceeded',
    position: 'root',
    shape: { root: { spec: { ca: 0 } } },
    notes: 'root pathLenConstraint 0 above an intermediate',
  },
  {
    rule: 'nc-excluded',
    position: 'intermediate',
    shape: { intermediate: { extra: () => [nameConstraintsExtension([], [{ dNSName: 'leaf.example.com' }], true)] } },
    notes: 'intermediate excludes leaf.example.com',
  },
  {
    rule: 'nc-ip',
    position: 'intermediate',
    shape: { intermediate: { extra: () => [nameConstraintsExtension([{ iPAddress: IP_10_SLASH_8 }], [], true)] } },
    notes: 'intermediate permits IP 10.0.0.0/8 only; the leaf has 127.0.0.1',
  },
  {
    rule: 'nc-dns',
    position: 'root',
    shape: { root: { extra: () => [nameConstraintsExtension([{ dNSName: 'example.org' }], [], true)] } },
    notes: 'the trust anchor permits example.org only',
  },

  {
    rule: 'nc-excluded',
    position: 'root',
    shape: { root: { extra: () => [nameConstraintsExtension([], [{ dNSName: 'leaf.example.com' }], true)] } },
    notes: 'the trust anchor excludes leaf.example.com',
  },
  {
    rule: 'nc-cn-only',
    position: 'intermediate',
    purpose: 'client',
    shape: {
      intermediate: { extra: () => [nameConstraintsExtension([{ dNSName: 'example.org' }], [], true)] },
      leaf: { spec: { san: undefined } },
    },
    notes:
      'client certificate without SAN, CN=leaf.example.com, under a constraint permitting example.org only: is the CN a DNS name to constrain?',
  },
  {
    rule: 'validity-generalized-time',
    position: 'leaf',
    shape: { leaf: { after: (c, s) => withGeneralizedNotBefore(c, s) } },
    notes: 'notBefore 2025 written as GeneralizedTime (RFC 5280 §4.1.2.5: UTCTime through 2049)',
  },
  {
    rule: 'validity-generalized-time',
    position: 'intermediate',
    shape: { intermediate: { after: (c, s) => withGeneralizedNotBefore(c, s) } },
    notes: 'the same in the intermediate',
  },

  ...each(
    ['root', 'intermediate', 'leaf'],
    'sha1-signature',
    'signed with ECDSA over SHA-1 (the root: self-signed so)',
    () => ({ after: (c, signer) => withEcdsaSha1Signature(c, signer) }),
  ),

  {
    rule: 'nc-dirname',
    position: 'intermediate',
    shape: {
      intermediate: {
        extra: () => [nameConstraintsExtension([{ directoryName: directoryName('O=certbench') }], [], true)],
      },
    },
    notes: 'intermediate permits directoryName O=certbench; the leaf subject CN=leaf.example.com is outside',
  },
  {
    rule: 'nc-dirname',
    position: 'intermediate',
    tag: 'met',
    shape: {
      intermediate: {
        extra: () => [nameConstraintsExtension([{ directoryName: directoryName('O=certbench') }], [], true)],
      },
      leaf: { spec: { subject: 'O=certbench, CN=leaf.example.com' } },
    },
    notes: 'the same constraint, the leaf subject O=certbench, CN=leaf.example.com inside',
  },
  {
    rule: 'policy-constraints-not-critical',
    position: 'intermediate',
    shape: { intermediate: { extra: () => [rawExtension(POLICY_CONSTRAINTS, false, INHIBIT_POLICY_MAPPING_0)] } },
    notes: 'policyConstraints (inhibitPolicyMapping 0) not critical (RFC 5280 §4.2.1.11: MUST be critical)',
  },
  {
    rule: 'signature-algorithm-mismatch',
    position: 'leaf',
    shape: { leaf: { after: (c, s) => withInnerSignatureAlgorithm(c, s, ECDSA_WITH_SHA384) } },
    notes:
      'tbsCertificate.signature says ecdsa-with-SHA384, signatureAlgorithm and the signature are ecdsa-with-SHA256',
  },
  {
    rule: 'aki-mismatch',
    position: 'root',
    shape: { root: { extra: () => [new x509.AuthorityKeyIdentifierExtension('42'.repeat(20), false)] } },
    notes: 'a self-signed root whose AKI keyIdentifier is not its own SKI',
  },

  // Host matching: wildcards, IP addresses and the CN (RFC 6125, RFC 2818).
  {
    rule: 'host',
    position: 'leaf',
    tag: 'wildcard',
    shape: { leaf: { spec: { san: [dns('*.example.com')] } } },
    notes: 'SAN *.example.com, host leaf.example.com',
    rfc5280: true,
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'wildcard-two-labels',
    host: 'a.leaf.example.com',
    shape: { leaf: { spec: { san: [dns('*.example.com')] } } },
    notes: 'SAN *.example.com, host a.leaf.example.com',
    rfc5280: false,
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'wildcard-partial',
    shape: { leaf: { spec: { san: [dns('l*.example.com')] } } },
    notes: 'SAN l*.example.com (a partial-label wildcard), host leaf.example.com',
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'wildcard-public-suffix',
    host: 'example.com',
    shape: { leaf: { spec: { subject: 'CN=wildcard', san: [dns('*.com')] } } },
    notes: 'SAN *.com, host example.com',
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'ip-in-dns-san',
    host: '127.0.0.1',
    shape: { leaf: { spec: { san: [dns('127.0.0.1')] } } },
    notes: 'the IP address written as a DNS SAN, no IP SAN',
    rfc5280: false,
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'cn-beside-other-san',
    shape: { leaf: { spec: { san: [dns('other.example.com')] } } },
    notes: 'the host only in the CN, a DNS SAN for another name',
    rfc5280: false,
  },

  {
    rule: 'trusted-leaf',
    position: 'leaf',
    tag: 'self-signed',
    trust: 'leaf',
    shape: { intermediate: null, selfSignedLeaf: true },
    notes: 'a self-signed leaf pinned as the only trusted certificate (a common development setup)',
  },
  {
    rule: 'trusted-leaf',
    position: 'leaf',
    tag: 'ca-issued',
    trust: 'leaf',
    notes: 'the CA-issued leaf itself pinned as the only trusted certificate',
  },
  {
    rule: 'host',
    position: 'leaf',
    tag: 'ipv6',
    host: '::1',
    shape: { leaf: { spec: { san: [dns(HOST), { type: 'ip', value: '::1' }] } } },
    notes: 'dialed by IPv6 address ::1 (IP SAN ::1)',
    rfc5280: true,
  },

  // The leaf's keyUsage for the TLS role.
  {
    rule: 'leaf-ku',
    position: 'leaf',
    tag: 'key-encipherment-only',
    shape: { leaf: { alg: 'rsa2048', spec: { keyUsage: KU.keyEncipherment } } },
    notes: 'RSA leaf with keyUsage keyEncipherment only, as a server',
  },
  {
    rule: 'leaf-ku',
    position: 'leaf',
    tag: 'key-encipherment-only-client',
    purpose: 'client',
    shape: { leaf: { alg: 'rsa2048', spec: { keyUsage: KU.keyEncipherment } } },
    notes: 'the same as a client certificate',
  },

  // Version 1 certificates: an anchor may be one (control above), a CA in the path may not (RFC 5280 §6.1.4 (k)).
  {
    rule: 'v1-anchor',
    position: 'root',
    shape: { root: { after: (c, s) => asVersion1(c, s) } },
    notes: 'a version 1 root as trust anchor: real bundles hold some',
  },
  {
    rule: 'v1-ca',
    position: 'intermediate',
    shape: { intermediate: { after: (c, s) => asVersion1(c, s) } },
    notes: 'a version 1 intermediate (no basicConstraints possible)',
  },
  {
    rule: 'v1-leaf',
    position: 'leaf',
    shape: { leaf: { after: (c, s) => asVersion1(c, s) } },
    notes: 'a version 1 leaf: no SAN, the host only in the CN',
  },
];

/**
 * Rules of issue 8's default profile ("What to build", 1): rfc5280 refuses each of them at every
 * position the corpus places it. (ski-missing is a MUST for CAs only: a leaf without one passes.)
 */
const RFC5280_REFUSES = new Set([
  'baseline',
  'aki-missing',
  'aki-critical',
  'aki-without-keyid',
  'ski-missing',
  'ski-critical',
  'serial-zero',
  'serial-negative',
  'serial-21-octets',
  'subject-empty',
  'bc-not-critical',
  'bc-missing',
  'ca-without-keycertsign',
  'keycertsign-without-ca',
  'nc-in-leaf',
  'nc-not-critical',
  'nc-empty',
  'san-leading-dot',
  'san-empty-dns',
  'san-space',
  'san-extension-empty',
  'duplicate-extension',
  'aia-critical',
  'unknown-critical',
  'v1-ca',
  'not-yet-valid',
  'nc-excluded',
  'nc-ip',
  // Not in the issue's list, but a MUST of RFC 5280 (§4.1.1.2) that every stack enforces.
  'signature-algorithm-mismatch',
]);
/** What RFC 5280 allows and the issue keeps: an anchor may be v1 or any CA, EKU and SAN may be absent, unknown non-critical extensions are ignored. */
const RFC5280_ACCEPTS = new Set([
  'control',
  'partial-chain',
  'unknown-not-critical',
  'v1-anchor',
  'eku-missing',
  'ca-as-leaf',
  'san-missing',
]);

/** certbench's rfc5280 verdict the issue asks for; undefined where it does not say (ku-missing, weak-key, v1-leaf). */
function rfc5280Expectation(r: Row): boolean | undefined {
  if (r.rfc5280 !== undefined) return r.rfc5280;
  if (r.rule === 'ski-missing' && r.position === 'leaf') return true;
  if (RFC5280_REFUSES.has(r.rule)) return false;
  return RFC5280_ACCEPTS.has(r.rule) ? true : undefined;
}

function variantName(r: Row): string {
  return `${r.rule}@${r.position}${r.tag ? `:${r.tag}` : ''}`;
}

/** Make every row's chain. Same rows, same names and verdicts every run (keys differ; no verdict depends on them). */
export async function differentialCorpus(): Promise<Variant[]> {
  const otherRoot = await makeCa('CN=Differential Other Root,O=certbench', undefined, {
    notBefore: CORPUS_NOT_BEFORE,
    notAfter: CORPUS_NOT_AFTER,
  });
  const out: Variant[] = [];
  for (const r of ROWS) {
    const built = await buildChain(r.shape ?? {});
    const inter = built.intermediate?.cert;
    const anchors = {
      'other-root': otherRoot.cert,
      intermediate: inter ?? built.root.cert,
      leaf: built.leaf,
      root: built.root.cert,
    };
    const anchor = anchors[r.trust ?? 'root'];
    // A trusted intermediate or leaf is its own end of the path, so nothing above it is sent; the root is not sent (clients ignore a sent root anyway).
    const intermediates = inter && (r.trust ?? 'root') !== 'intermediate' && r.trust !== 'leaf' ? [inter] : [];
    out.push({
      name: variantName(r),
      rule: r.rule,
      position: r.position,
      purpose: r.purpose ?? 'server',
      host: r.host ?? HOST,
      at: CORPUS_AT,
      leaf: built.leaf,
      leafKeys: built.leafKeys,
      intermediates,
      anchor,
      notes: r.notes,
      rfc5280Accepts: rfc5280Expectation(r),
    });
  }
  const names = new Set(out.map((v) => v.name));
  if (names.size !== out.length) throw new Error('differential corpus: two rows share a name');
  return out;
}
