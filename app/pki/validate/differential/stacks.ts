/**
 * Every variant through every real stack installed here, and what each certbench client profile
 * must therefore say. Test-only (it starts openssl, Node handshakes, python3, java and a Go build).
 *
 * Client → the judges that speak for it (issue 8, Acceptance):
 *  - openssl: `openssl verify -auth_level 1` (default flags at Node's security level 1) AND a Node
 *             `tls` handshake (both must agree);
 *  - python:  a Python `ssl` handshake with Python 3.13's flags (VERIFY_X509_STRICT |
 *             VERIFY_X509_PARTIAL_CHAIN) AND `openssl verify -x509_strict -partial_chain
 *             -auth_level 2` (Python 3.10+ sets OpenSSL security level 2 in its default ciphers);
 *  - java:    JavaPkixJudge.java (PKIX TrustManager at the variant's time, plus HTTPS host check);
 *  - go:      go_x509_judge.go (crypto/x509 Verify);
 *  - rfc5280 and webpki have no installable binary: certbench's verdict is recorded only.
 * Python with OpenSSL's default flags (3.12 and earlier) is shown beside them for calibration. The
 * python3 here is 3.11, given the flags 3.13's default context sets.
 */
import {
  goX509Verdicts,
  javaPkixVerdicts,
  nodeTlsVerdicts,
  opensslVerdicts,
  pythonSslVerdicts,
  type HandshakePeer,
  type JudgedChain,
  type StackVerdict,
} from '../../../test/judges/index.ts';
import type { Variant } from './variant.ts';

export const COLUMNS = [
  'opensslVerify',
  'nodeTls',
  'pythonStrict',
  'opensslStrict',
  'pythonDefault',
  'java',
  'go',
] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_TITLES: Record<Column, string> = {
  opensslVerify: 'openssl verify -auth_level 1',
  nodeTls: 'Node tls',
  pythonStrict: 'Python ssl, 3.13 flags',
  opensslStrict: 'openssl -x509_strict -partial_chain -auth_level 2',
  pythonDefault: 'Python ssl, ≤3.12 flags',
  java: 'Java 17 PKIX+HTTPS',
  go: 'Go 1.19 x509',
};

/** The clients that have real stacks here, and which columns speak for each. */
export const STACK_CLIENTS = {
  openssl: ['opensslVerify', 'nodeTls'],
  python: ['pythonStrict', 'opensslStrict'],
  java: ['java'],
  go: ['go'],
} as const satisfies Record<string, readonly Column[]>;
export type StackClient = keyof typeof STACK_CLIENTS;

export interface StackRow {
  variant: Variant;
  verdicts: Record<Column, StackVerdict>;
}

export async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key))
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n$/, '');
  return `-----BEGIN PRIVATE KEY-----\n${der}\n-----END PRIVATE KEY-----\n`;
}

export async function toJudgedChain(v: Variant): Promise<JudgedChain> {
  return {
    name: v.name,
    purpose: v.purpose,
    host: v.host,
    at: v.at,
    leafDer: new Uint8Array(v.leaf.rawData),
    leafKeyPem: await pkcs8Pem(v.leafKeys.privateKey),
    intermediatesDer: v.intermediates.map((c) => new Uint8Array(c.rawData)),
    anchorDer: new Uint8Array(v.anchor.rawData),
  };
}

/** Judge every variant with every stack: one process per batch judge, one spawn or handshake per chain otherwise. */
export async function judgeWithStacks(variants: Variant[], peer: HandshakePeer): Promise<StackRow[]> {
  const chains = await Promise.all(variants.map(toJudgedChain));
  const columns: Record<Column, StackVerdict[]> = {
    // Security level 1, Node's default: `openssl verify` applies none unless told (-auth_level).
    opensslVerify: await opensslVerdicts(chains, { strict: false, authLevel: 1 }),
    nodeTls: await nodeTlsVerdicts(chains, peer),
    opensslStrict: await opensslVerdicts(chains, { strict: true, partialChain: true, authLevel: 2 }),
    ...(await pythonSslVerdicts(chains, peer).then((v) => ({
      pythonStrict: v.map((x) => x.strict),
      pythonDefault: v.map((x) => x.default),
    }))),
    java: await javaPkixVerdicts(chains),
    go: await goX509Verdicts(chains),
  };
  return variants.map((variant, i) => ({
    variant,
    verdicts: Object.fromEntries(COLUMNS.map((c) => [c, columns[c][i] as StackVerdict])) as Record<
      Column,
      StackVerdict
    >,
  }));
}

/**
 * Variants where one judge cannot be told what the client does, so it does not speak for it there.
 * Each entry says why; the table still shows the column.
 */
export const CANNOT_SPEAK: Record<string, { column: Column; why: string }> = {
  'host@leaf:wildcard-partial': {
    column: 'opensslStrict',
    why: 'CPython sets X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS on every context (Modules/_ssl.c, _ssl__SSLContext_impl: self->hostflags); openssl verify has no option for host flags',
  },
};

/** What the stack says for a client: accepts when all its judges accept, refuses when all refuse, null when they split. */
export function stackVerdict(row: StackRow, client: StackClient): { accepts: boolean | null; reason: string } {
  const mute = CANNOT_SPEAK[row.variant.name]?.column;
  const columns = STACK_CLIENTS[client].filter((c) => c !== mute);
  const vs = columns.map((c) => row.verdicts[c]);
  const oks = new Set(vs.map((v) => v.ok));
  if (oks.size > 1)
    return { accepts: null, reason: columns.map((c) => `${COLUMN_TITLES[c]}: ${row.verdicts[c].reason}`).join(' / ') };
  const refusal = vs.find((v) => !v.ok);
  return { accepts: !refusal, reason: refusal?.reason ?? 'ok' };
}
