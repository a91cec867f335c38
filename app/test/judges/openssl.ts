/**
 * OpenSSL 3 as a judge: chain verification, host and IP matching, encrypted keys, CSRs.
 * Every function takes PEM text and returns a verdict plus openssl's own words for the test log.
 */
import { run, withFiles, type RunResult } from './tools.ts';

export interface Verdict {
  ok: boolean;
  /** What openssl printed, for the failure message. */
  output: string;
}

function verdict(r: RunResult): Verdict {
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

export type Purpose = 'sslserver' | 'sslclient';

/**
 * `openssl verify -x509_strict -purpose P -CAfile root [-untrusted intermediates] leaf`.
 * `untrustedPem` holds the intermediates (may be empty); only `rootPem` is trusted.
 */
export function opensslVerify(opts: {
  rootPem: string;
  untrustedPem?: string;
  certPem: string;
  purpose?: Purpose;
}): Promise<Verdict> {
  const files: Record<string, string> = { 'root.pem': opts.rootPem, 'leaf.pem': opts.certPem };
  if (opts.untrustedPem?.trim()) files['untrusted.pem'] = opts.untrustedPem;
  return withFiles(files, (_dir, p) => {
    const args = ['verify', '-x509_strict', '-CAfile', p('root.pem')];
    if (opts.purpose) args.push('-purpose', opts.purpose);
    if (files['untrusted.pem']) args.push('-untrusted', p('untrusted.pem'));
    args.push(p('leaf.pem'));
    const r = verdict(run('openssl', args));
    // openssl verify exits 0 only when it printed "<file>: OK".
    return { ok: r.ok && /: OK$/m.test(r.output), output: r.output };
  });
}

/** Does the certificate match this host name? (`openssl x509 -checkhost`) */
export function opensslCheckHost(certPem: string, host: string): Promise<boolean> {
  return check(certPem, '-checkhost', host);
}

/** Does the certificate match this IP address? (`openssl x509 -checkip`) */
export function opensslCheckIp(certPem: string, ip: string): Promise<boolean> {
  return check(certPem, '-checkip', ip);
}

/** Does the certificate match this email address? (`openssl x509 -checkemail`) */
export function opensslCheckEmail(certPem: string, email: string): Promise<boolean> {
  return check(certPem, '-checkemail', email);
}

function check(certPem: string, flag: string, value: string): Promise<boolean> {
  return withFiles({ 'c.pem': certPem }, (_d, p) => {
    const r = run('openssl', ['x509', '-noout', '-in', p('c.pem'), flag, value]);
    if (r.status !== 0) throw new Error(`openssl x509 ${flag} failed: ${r.stderr}`);
    // "Hostname x does match certificate" / "IP address x does NOT match certificate"
    return / does match certificate/.test(r.stdout);
  });
}

/** `openssl x509 -text -noout`, for assertions on what openssl sees. */
export function opensslText(certPem: string, kind: 'x509' | 'req' | 'pkey' = 'x509'): Promise<string> {
  return withFiles({ 'c.pem': certPem }, (_d, p) => {
    const r = run('openssl', [kind, '-text', '-noout', '-in', p('c.pem')]);
    if (r.status !== 0) throw new Error(`openssl ${kind} -text failed: ${r.stderr}`);
    return r.stdout;
  });
}

/** Open an encrypted PKCS#8 PEM with `openssl pkey -passin`; returns the clear PKCS#8 PEM when ok. */
export function opensslDecryptKey(encryptedPem: string, passphrase: string): Promise<Verdict & { keyPem: string }> {
  return withFiles({ 'k.pem': encryptedPem, 'pass.txt': `${passphrase}\n` }, (_d, p) => {
    const r = run('openssl', ['pkey', '-in', p('k.pem'), '-passin', `file:${p('pass.txt')}`]);
    return { ...verdict(r), keyPem: r.status === 0 ? r.stdout : '' };
  });
}

/** `openssl req -verify`: is the CSR's self-signature good? */
export function opensslReqVerify(csrPem: string): Promise<Verdict> {
  return withFiles({ 'r.csr': csrPem }, (_d, p) => {
    const r = verdict(run('openssl', ['req', '-verify', '-noout', '-in', p('r.csr')]));
    return { ok: r.ok && /verify OK/i.test(r.output), output: r.output };
  });
}

/** openssl -newkey argument per key type, for keys and CSRs made by openssl itself. */
export const OPENSSL_NEWKEY: Record<string, string[]> = {
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  rsa2048: ['-newkey', 'rsa:2048'],
  ed25519: ['-newkey', 'ed25519'],
};

/** A CSR and its key made by openssl (`openssl req -new`), with optional SANs ("DNS:a,IP:1.2.3.4"). */
export function opensslMakeCsr(opts: {
  cn: string;
  san?: string;
  key?: keyof typeof OPENSSL_NEWKEY;
}): Promise<{ csrPem: string; keyPem: string }> {
  return withFiles({}, (_d, p) => {
    const args = [
      'req',
      '-new',
      '-nodes',
      ...(OPENSSL_NEWKEY[opts.key ?? 'p256'] ?? []),
      '-keyout',
      p('k.pem'),
      '-out',
      p('r.csr'),
      '-subj',
      `/CN=${opts.cn}`,
    ];
    if (opts.san) args.push('-addext', `subjectAltName=${opts.san}`);
    const r = run('openssl', args);
    if (r.status !== 0) throw new Error(`openssl req -new failed: ${r.stderr}`);
    const out = run('openssl', ['req', '-in', p('r.csr')]).stdout;
    const key = run('openssl', ['pkey', '-in', p('k.pem')]).stdout;
    return { csrPem: out, keyPem: key };
  });
}
