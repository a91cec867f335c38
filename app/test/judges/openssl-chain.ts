/**
 * `openssl verify` as a chain judge at a fixed time: the anchor is the only CAfile entry, the
 * intermediates are untrusted, the purpose is sslserver or sslclient, and for server chains the
 * host is checked by openssl itself (-verify_hostname / -verify_ip, as a TLS client sets it).
 */
import { isIP } from 'node:net';
import { run, withFiles } from './tools.ts';
import { derToPem, oneLine, type JudgedChain, type StackVerdict } from './chain.ts';

export interface OpensslFlags {
  /** -x509_strict: RFC 5280 profile checks (what Python 3.13's VERIFY_X509_STRICT turns on). */
  strict: boolean;
  /** -partial_chain: a non-self-signed anchor ends the path (Python 3.13's VERIFY_X509_PARTIAL_CHAIN). */
  partialChain?: boolean;
  /** -auth_level N: refuse keys and signatures below security level N, as a TLS context at that level does (Python 3.10+ uses 2). */
  authLevel?: number;
}

export function opensslVerifyChain(c: JudgedChain, flags: OpensslFlags): Promise<StackVerdict> {
  const files: Record<string, string> = { 'anchor.pem': derToPem(c.anchorDer), 'leaf.pem': derToPem(c.leafDer) };
  if (c.intermediatesDer.length) files['untrusted.pem'] = c.intermediatesDer.map((d) => derToPem(d)).join('');
  return withFiles(files, (_dir, p) => {
    const args = [
      'verify',
      '-attime',
      String(Math.floor(c.at.getTime() / 1000)),
      '-purpose',
      c.purpose === 'server' ? 'sslserver' : 'sslclient',
    ];
    if (flags.strict) args.push('-x509_strict');
    if (flags.partialChain) args.push('-partial_chain');
    if (flags.authLevel !== undefined) args.push('-auth_level', String(flags.authLevel));
    if (c.purpose === 'server') args.push(isIP(c.host) ? '-verify_ip' : '-verify_hostname', c.host);
    args.push('-CAfile', p('anchor.pem'));
    if (files['untrusted.pem']) args.push('-untrusted', p('untrusted.pem'));
    args.push(p('leaf.pem'));
    const r = run('openssl', args);
    const out = `${r.stdout}${r.stderr}`;
    // openssl verify exits 0 only when it printed "<file>: OK".
    const ok = r.status === 0 && /: OK$/m.test(out);
    // "error 20 at 0 depth lookup: unable to get local issuer certificate": keep the first error line.
    const err = /error \d+ at \d+ depth lookup: .*/.exec(out)?.[0] ?? oneLine(out.split(p('')).join(''));
    return { ok, reason: ok ? 'ok' : oneLine(err) };
  });
}

/** Every chain, one `openssl verify` each. */
export async function opensslVerdicts(chains: JudgedChain[], flags: OpensslFlags): Promise<StackVerdict[]> {
  const out: StackVerdict[] = [];
  for (const c of chains) out.push(await opensslVerifyChain(c, flags));
  return out;
}
