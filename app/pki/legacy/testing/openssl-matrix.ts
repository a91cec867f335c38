/**
 * Test-only: the legacy keystore matrix of issue 13, made by OpenSSL 3 in one shell run, each
 * file beside what openssl itself extracts from it (certificates and the PKCS#8 key, as DER), so
 * a test compares certbench's items with openssl's reading of the same file.
 *
 * Every algorithm meets every key type (RSA, EC, Ed25519) and every password kind (ASCII,
 * Unicode, empty) once, as a Latin square (algorithm i with key k takes password (i + k) mod 3):
 * 84 files instead of the 252 of the full product, which took 100 s of openssl runs on the
 * shared CI machine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../test/judges/index.ts';

export const KEYS = {
  rsa: 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048',
  ec: 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256',
  ed25519: 'openssl genpkey -algorithm ed25519',
} as const;
export type KeyKind = keyof typeof KEYS;

export const PASSWORDS = { ascii: 'secret-pw', unicode: 'pässwörd-密码', empty: '' } as const;
export type PasswordKind = keyof typeof PASSWORDS;

/** `openssl pkcs12 -export` arguments per algorithm under test. */
export const PKCS12_ALGORITHMS: Record<string, string> = {
  'PBE-SHA1-3DES': '-legacy -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES',
  'PBE-SHA1-2DES': '-legacy -keypbe PBE-SHA1-2DES -certpbe PBE-SHA1-2DES',
  'PBE-SHA1-RC2-40': '-legacy -keypbe PBE-SHA1-RC2-40 -certpbe PBE-SHA1-RC2-40',
  'PBE-SHA1-RC2-128': '-legacy -keypbe PBE-SHA1-RC2-128 -certpbe PBE-SHA1-RC2-128',
  'PBE-SHA1-RC4-40': '-legacy -keypbe PBE-SHA1-RC4-40 -certpbe PBE-SHA1-RC4-40',
  'PBE-SHA1-RC4-128': '-legacy -keypbe PBE-SHA1-RC4-128 -certpbe PBE-SHA1-RC4-128',
  'PBES2 DES-EDE3-CBC': '-legacy -keypbe des-ede3-cbc -certpbe des-ede3-cbc',
  'PBES2 DES-CBC': '-legacy -keypbe des-cbc -certpbe des-cbc',
  'PBES2 RC2-CBC (128 and 40)': '-legacy -keypbe rc2-cbc -certpbe rc2-40-cbc',
  'MAC SHA-1': '-macalg sha1',
  'MAC SHA-224': '-macalg sha224',
  'MAC SHA-512/224': '-macalg sha512-224',
  'MAC SHA-512/256': '-macalg sha512-256',
  'MAC MD5': '-macalg md5',
};

/** `openssl pkcs8 -topk8` arguments per algorithm under test. */
export const PKCS8_ALGORITHMS: Record<string, string> = {
  'PBE-MD5-DES': '-v1 PBE-MD5-DES',
  'PBE-SHA1-DES': '-v1 PBE-SHA1-DES',
  'PBE-MD5-RC2-64': '-v1 PBE-MD5-RC2-64',
  'PBE-SHA1-RC2-64': '-v1 PBE-SHA1-RC2-64',
  'PKCS#12 PBE-SHA1-3DES': '-v1 PBE-SHA1-3DES',
  'PKCS#12 PBE-SHA1-RC4-128': '-v1 PBE-SHA1-RC4-128',
  'PBES2 DES-EDE3-CBC': '-v2 des3',
  'PBES2 DES-CBC': '-v2 des-cbc',
  'PBES2 RC2-CBC 128': '-v2 rc2',
  'PBES2 RC2-CBC 40': '-v2 rc2-40-cbc',
  'PBES2 RC2-CBC 64': '-v2 rc2-64-cbc',
  'PBES2 PRF HMAC-SHA-224': '-v2 aes-256-cbc -v2prf hmacWithSHA224',
  'PBES2 PRF HMAC-SHA-512/224': '-v2 aes-128-cbc -v2prf hmacWithSHA512-224',
  'PBES2 PRF HMAC-SHA-512/256': '-v2 des3 -v2prf hmacWithSHA512-256',
};

export interface MatrixFile {
  container: 'pkcs12' | 'pkcs8';
  algorithm: string;
  key: KeyKind;
  password: PasswordKind;
  bytes: Uint8Array;
  /** What openssl extracts: the certificates and the PKCS#8 private key, as DER. */
  opensslCerts: Uint8Array[];
  opensslKey: Uint8Array;
}

const LEGACY = '-provider legacy -provider default';
const KEY_KINDS = Object.keys(KEYS) as KeyKind[];
const PASSWORD_KINDS = Object.keys(PASSWORDS) as PasswordKind[];

export interface Planned {
  container: 'pkcs12' | 'pkcs8';
  algorithm: string;
  args: string;
  key: KeyKind;
  password: PasswordKind;
  stem: string;
}

/** The files the matrix holds, known before any is made (tests are named from it). */
export function matrixPlan(): Planned[] {
  const algorithms = [
    ...Object.entries(PKCS12_ALGORITHMS).map(([algorithm, args]) => ({
      container: 'pkcs12' as const,
      algorithm,
      args,
    })),
    ...Object.entries(PKCS8_ALGORITHMS).map(([algorithm, args]) => ({ container: 'pkcs8' as const, algorithm, args })),
  ];
  return algorithms.flatMap((a, i) =>
    KEY_KINDS.map((key, k) => ({
      ...a,
      key,
      password: PASSWORD_KINDS[(i + k) % PASSWORD_KINDS.length]!,
      stem: `f${i}-${key}`,
    })),
  );
}

/** An empty password cannot come from an empty file (openssl reads no line): pass: says it. */
function pass(password: PasswordKind, direction: 'in' | 'out'): string {
  return password === 'empty' ? `-pass${direction} pass:` : `-pass${direction} file:pw-${password}`;
}

/** The shell script: keys and certificates, then each file and openssl's extraction of it. */
function script(files: Planned[]): string {
  const lines = ['set -e'];
  for (const [pw, value] of Object.entries(PASSWORDS)) lines.push(`printf '%s' '${value}' > pw-${pw}`);
  for (const [key, make] of Object.entries(KEYS)) {
    lines.push(
      `${make} -out ${key}.key`,
      `openssl req -x509 -key ${key}.key -subj "/CN=${key}.example" -days 30 -out ${key}.crt`,
    );
  }
  for (const f of files) {
    if (f.container === 'pkcs12') {
      lines.push(
        `openssl pkcs12 -export ${f.args} -in ${f.key}.crt -inkey ${f.key}.key ${pass(f.password, 'out')} -out ${f.stem}.bin`,
        `openssl pkcs12 -legacy -in ${f.stem}.bin ${pass(f.password, 'in')} -nodes -out ${f.stem}.pem`,
      );
    } else {
      lines.push(
        `openssl pkcs8 -topk8 ${LEGACY} ${f.args} -in ${f.key}.key ${pass(f.password, 'out')} -outform DER -out ${f.stem}.bin`,
        `openssl pkcs8 ${LEGACY} -inform DER -in ${f.stem}.bin ${pass(f.password, 'in')} -out ${f.stem}.pem`,
      );
    }
  }
  return lines.join('\n');
}

/** DER of every PEM block labelled `label` in `text`. */
function pemBlocks(text: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** Make the matrix in a fresh folder and read it back with openssl's extraction of each file. */
export function buildMatrix(): MatrixFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-legacy-matrix-'));
  const planned = matrixPlan();
  writeFileSync(join(dir, 'make.sh'), script(planned));
  const r = run('sh', ['make.sh'], { cwd: dir, timeoutMs: 600_000 });
  if (r.status !== 0) throw new Error(`building the legacy matrix with openssl failed: ${r.stderr}`);
  return planned.map((f) => {
    const pem = readFileSync(join(dir, `${f.stem}.pem`), 'utf8');
    const certs =
      f.container === 'pkcs12'
        ? pemBlocks(pem, 'CERTIFICATE')
        : pemBlocks(readFileSync(join(dir, `${f.key}.crt`), 'utf8'), 'CERTIFICATE');
    const [key] = pemBlocks(pem, 'PRIVATE KEY');
    if (!key) throw new Error(`openssl extracted no key from ${f.stem} (${f.algorithm})`);
    return {
      container: f.container,
      algorithm: f.algorithm,
      key: f.key,
      password: f.password,
      bytes: new Uint8Array(readFileSync(join(dir, `${f.stem}.bin`))),
      opensslCerts: certs,
      opensslKey: key,
    };
  });
}
