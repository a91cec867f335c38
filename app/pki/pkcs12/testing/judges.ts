/**
 * PKCS#12 judges: OpenSSL 3 (`openssl pkcs12`) and Java 17 (`keytool -list`). Passwords go
 * through files as UTF-8 so non-ASCII passwords reach both tools intact. For tests only.
 */
import { run, withFiles } from '../../../test/judges/index.ts';

export interface Pkcs12Verdict {
  ok: boolean;
  output: string;
}

/** `openssl pkcs12 -info -noout`: opens the file, checks the MAC, decrypts every bag. */
export function opensslPkcs12Info(der: Uint8Array, password: string): Promise<Pkcs12Verdict> {
  return withFiles({ 'f.p12': der, pw: password }, (_d, p) => {
    const r = run('openssl', ['pkcs12', '-info', '-noout', '-in', p('f.p12'), '-passin', `file:${p('pw')}`]);
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
}

/** The certificates (-nokeys) or the private key (-nocerts -nodes) openssl reads out of the file. */
export function opensslPkcs12Extract(der: Uint8Array, password: string, what: 'certs' | 'key'): Promise<string> {
  return withFiles({ 'f.p12': der, pw: password }, (_d, p) => {
    const args = [
      'pkcs12',
      '-in',
      p('f.p12'),
      '-passin',
      `file:${p('pw')}`,
      ...(what === 'certs' ? ['-nokeys'] : ['-nocerts', '-nodes']),
    ];
    const r = run('openssl', args);
    if (r.status !== 0) throw new Error(`openssl pkcs12 failed: ${r.stderr}`);
    return r.stdout;
  });
}

/** The public key (SPKI PEM) of a private key or of a certificate, as openssl derives it. */
export function opensslPublicKey(pem: string, kind: 'key' | 'cert'): Promise<string> {
  return withFiles({ 'in.pem': pem }, (_d, p) => {
    const r =
      kind === 'key'
        ? run('openssl', ['pkey', '-in', p('in.pem'), '-pubout'])
        : run('openssl', ['x509', '-in', p('in.pem'), '-noout', '-pubkey']);
    if (r.status !== 0) throw new Error(`openssl ${kind === 'key' ? 'pkey' : 'x509'} failed: ${r.stderr}`);
    return r.stdout;
  });
}

export interface KeytoolEntry {
  alias: string;
  type: string;
  chainLength?: number;
}

export interface KeytoolListing extends Pkcs12Verdict {
  entries: KeytoolEntry[];
}

/** `keytool -list -v -storetype PKCS12`, parsed into entries. */
export function keytoolList(der: Uint8Array, password: string): Promise<KeytoolListing> {
  return withFiles({ 'f.p12': der, pw: `${password}\n` }, (_d, p) => {
    const r = run('keytool', [
      '-J-Dfile.encoding=UTF-8',
      '-J-Dsun.stdout.encoding=UTF-8',
      '-J-Dsun.stderr.encoding=UTF-8',
      '-J-Duser.language=en',
      '-list',
      '-v',
      '-storetype',
      'PKCS12',
      '-keystore',
      p('f.p12'),
      '-storepass:file',
      p('pw'),
    ]);
    const output = `${r.stdout}${r.stderr}`;
    const entries: KeytoolEntry[] = [];
    for (const block of output.split(/^Alias name: /m).slice(1)) {
      const alias = block.split('\n')[0]?.trim() ?? '';
      const type = /^Entry type: (\S+)/m.exec(block)?.[1] ?? '';
      const chain = /^Certificate chain length: (\d+)/m.exec(block)?.[1];
      entries.push(chain === undefined ? { alias, type } : { alias, type, chainLength: Number(chain) });
    }
    return { ok: r.status === 0, output, entries };
  });
}

/**
 * Java's proof that it can decrypt the private key, not just list it: `keytool -importkeystore`
 * into a scratch store (which has to recover every key with the source password).
 */
export function keytoolRecoverKeys(der: Uint8Array, password: string): Promise<Pkcs12Verdict> {
  return withFiles({ 'f.p12': der, pw: `${password}\n`, pw2: 'changeit\n' }, (_d, p) => {
    const r = run('keytool', [
      '-J-Dfile.encoding=UTF-8',
      '-J-Duser.language=en',
      '-importkeystore',
      '-noprompt',
      '-srckeystore',
      p('f.p12'),
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass:file',
      p('pw'),
      '-destkeystore',
      p('copy.p12'),
      '-deststoretype',
      'PKCS12',
      '-deststorepass:file',
      p('pw2'),
    ]);
    const output = `${r.stdout}${r.stderr}`;
    const done = /(\d+) entries successfully imported, (\d+) entries failed/.exec(output);
    return { ok: r.status === 0 && Number(done?.[1] ?? 0) > 0 && done?.[2] === '0', output };
  });
}

export interface PythonPkcs12 {
  /** friendlyName of the certificate that goes with the key (keystores). */
  keyAlias: string | null;
  /** friendlyName of every other certificate, in file order. */
  otherAliases: (string | null)[];
  hasKey: boolean;
}

const PYTHON_LOAD_PKCS12 = `
import json, sys
from cryptography.hazmat.primitives.serialization import pkcs12
data = open(sys.argv[1], 'rb').read()
password = open(sys.argv[2], 'rb').read()
p = pkcs12.load_pkcs12(data, password)
name = lambda c: None if c is None or c.friendly_name is None else c.friendly_name.decode('utf-8')
print(json.dumps({'keyAlias': name(p.cert), 'otherAliases': [name(c) for c in p.additional_certs], 'hasKey': p.key is not None}))
`;

/** Python's `cryptography` (OpenSSL-backed, but its own PKCS#12 API) loads the file; aliases decoded as UTF-8. */
export function pythonLoadPkcs12(der: Uint8Array, password: string): Promise<PythonPkcs12> {
  return withFiles({ 'f.p12': der, pw: password, 'load.py': PYTHON_LOAD_PKCS12 }, (_d, p) => {
    const r = run('python3', [p('load.py'), p('f.p12'), p('pw')]);
    if (r.status !== 0) throw new Error(`python cryptography could not load the PKCS#12: ${r.stderr}`);
    return JSON.parse(r.stdout) as PythonPkcs12;
  });
}
