/**
 * `certbench export`: the export formats of app/pki as files. Every input is read and checked,
 * and the output built in memory, before anything is written; nothing is overwritten without
 * --force; keys and keystores are written with mode 0600.
 */
import type { Command } from '../command.ts';
import { UsageError, integer, parse, required } from '../args.ts';
import { assertWritable, readBytes, readPasswordFile, writeOut } from '../io.ts';
import { looksLikePem } from '../../pki/light/index.ts';
import { plural } from '../../text/plural.ts';
import { chmodSync } from 'node:fs';
import {
  buildKeystore,
  buildTruststore,
  cassandraKeyAndChainPem,
  certificateFrom,
  encodePrivateKey,
  fullChainPem,
  keyPem,
  type PemOrDer,
  type Pkcs12Result,
  pkcs7Der,
  pkcs7Pem,
  type PrivateKeyFormat,
  readPrivateKey,
} from '../../pki/export/index.ts';

const HELP = `usage: certbench export <format> [options]

  p12         --cert F --key F [--chain F] --password-file F [--name ALIAS] --out F.p12
              PKCS#12 keystore: key, certificate and chain (PBES2 AES-256-CBC, HMAC-SHA256 MAC).
  truststore  --ca F [--ca F ...] --password-file F [--name ALIAS ...] --out F.p12
              PKCS#12 truststore of CA certificates (Java sees one trustedCertEntry per CA).
  pkcs8       --key F [--password-file F] [--der] --out F
              Private key as PKCS#8, encrypted (PBES2 AES-256-CBC) when a password file is given.
  key         --key F --format pkcs1|sec1|pkcs8 [--der] --out F
              Private key as PKCS#1 ("RSA PRIVATE KEY", RSA only) or SEC1 ("EC PRIVATE KEY", EC only).
  pkcs7       --cert F [--cert F ...] [--der] --out F.p7b
              Certificates-only PKCS#7 bundle (PEM label PKCS7; openssl pkcs7 -print_certs reads it).
  der         --cert F --out F.der        One certificate as DER.
  fullchain   --cert F [--chain F] --out F.pem
              Leaf then issuers in issuing order (nginx, HAProxy, Node, ScyllaDB).
  cassandra-pem --cert F --key F [--chain F] --out F.pem
              PKCS#8 key then chain in one file, for Cassandra's PEMBasedSslContextFactory (RSA or EC keys).

common options:
  --key-password-file F   the input key is an ENCRYPTED PRIVATE KEY; its password is this file's first line
  --iterations N          PBKDF2 / MAC iterations (PKCS#12: 10,000 by default, at least 10,000)
  --force                 overwrite the output file
  -h, --help              this help

Passwords are read from files (first line), never from the command line, so they stay out of
shell history and process listings. Java 17 (keytool, Cassandra) opens PKCS#12 files only with
printable-ASCII passwords.
`;

const OPTIONS = {
  cert: { type: 'string', multiple: true },
  key: { type: 'string' },
  chain: { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  'password-file': { type: 'string' },
  'key-password-file': { type: 'string' },
  name: { type: 'string', multiple: true },
  format: { type: 'string' },
  iterations: { type: 'string' },
  der: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

/** A file as PEM text when it is PEM, as bytes (DER) otherwise. */
function readPemOrDer(path: string, field: string): PemOrDer {
  const bytes = readBytes(path, field);
  const text = new TextDecoder().decode(bytes);
  return looksLikePem(text) ? text : bytes;
}

function list(values: Values, name: 'cert' | 'chain' | 'ca' | 'name'): string[] {
  return values[name] ?? [];
}

function optionalOne(values: Values, name: 'cert' | 'name'): string | undefined {
  const all = list(values, name);
  if (all.length > 1) throw new UsageError(`--${name} is given ${all.length} times; this format takes one`);
  return all[0];
}

function one(values: Values, name: 'cert'): string {
  const value = optionalOne(values, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function readKey(values: Values): Promise<Uint8Array> {
  const keyPasswordFile = values['key-password-file'];
  return readPrivateKey(
    readPemOrDer(required(values, 'key'), 'key'),
    keyPasswordFile === undefined ? undefined : readPasswordFile(keyPasswordFile),
  );
}

function chainOf(values: Values): PemOrDer[] {
  return list(values, 'chain').map((f) => readPemOrDer(f, 'chain'));
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function reportPkcs12(out: string, kind: string, result: Pkcs12Result, iterations: number | undefined): void {
  say(`wrote ${out}: ${kind}, ${plural(result.certificateCount, 'certificate')}, alias ${result.aliases.join(', ')}`);
  say(
    `  protection: PBES2 AES-256-CBC with PBKDF2-HMAC-SHA256, HMAC-SHA256 MAC, ${(iterations ?? 10_000).toLocaleString('en')} iterations`,
  );
  say(`  check: keytool -list -storetype PKCS12 -keystore ${out}   or   openssl pkcs12 -info -noout -in ${out}`);
  for (const f of result.findings) process.stderr.write(`${f.severity}: ${f.message}\n`);
}

const PLAINTEXT_KEY_NOTE =
  '  note: the private key is NOT encrypted; the file is mode 0600, keep it that way (add --password-file to encrypt).';

/** One export format: builds the output in memory and returns what to write. */
type Builder = (
  values: Values,
) => Promise<{ data: string | Uint8Array; secret: boolean; report: (out: string) => void }>;

const BUILDERS: Record<string, Builder> = {
  async p12(values) {
    const iterations = integer(values, 'iterations');
    const alias = optionalOne(values, 'name');
    const result = await buildKeystore({
      key: await readKey(values),
      certificate: readPemOrDer(one(values, 'cert'), 'certificate'),
      chain: chainOf(values),
      password: readPasswordFile(required(values, 'password-file')),
      ...(alias === undefined ? {} : { alias }),
      ...(iterations === undefined ? {} : { iterations }),
    });
    return {
      data: result.der,
      secret: true,
      report: (out) => reportPkcs12(out, 'PKCS#12 keystore (PrivateKeyEntry)', result, iterations),
    };
  },
  async truststore(values) {
    const iterations = integer(values, 'iterations');
    const cas = list(values, 'ca').map((f) => readPemOrDer(f, 'ca'));
    const names = list(values, 'name');
    const result = await buildTruststore({
      cas,
      password: readPasswordFile(required(values, 'password-file')),
      ...(names.length ? { aliases: names } : {}),
      ...(iterations === undefined ? {} : { iterations }),
    });
    return {
      data: result.der,
      secret: false,
      report: (out) => reportPkcs12(out, 'PKCS#12 truststore (trustedCertEntry)', result, iterations),
    };
  },
  async pkcs8(values) {
    const passwordFile = values['password-file'];
    const format: PrivateKeyFormat = passwordFile === undefined ? 'pkcs8' : 'pkcs8-encrypted';
    return encodeKey(values, format, passwordFile === undefined ? undefined : readPasswordFile(passwordFile));
  },
  async key(values) {
    const format = required(values, 'format');
    if (!['pkcs1', 'sec1', 'pkcs8'].includes(format))
      throw new UsageError(`--format must be pkcs1, sec1 or pkcs8, got "${format}"`);
    return encodeKey(values, format as PrivateKeyFormat, undefined);
  },
  pkcs7(values) {
    const certs = list(values, 'cert').map((f) => readPemOrDer(f, 'certificates'));
    if (!certs.length) throw new UsageError('--cert is required');
    const data = values.der ? pkcs7Der(certs) : pkcs7Pem(certs);
    return Promise.resolve({
      data,
      secret: false,
      report: (out: string) =>
        say(
          `wrote ${out}: PKCS#7 certificates-only bundle (check: openssl pkcs7 -print_certs -in ${out}${values.der ? ' -inform DER' : ''})`,
        ),
    });
  },
  der(values) {
    const cert = certificateFrom(readPemOrDer(one(values, 'cert'), 'certificate'), 'certificate');
    return Promise.resolve({
      data: cert.der,
      secret: false,
      report: (out: string) => say(`wrote ${out}: certificate DER for ${cert.parsed.subject}`),
    });
  },
  fullchain(values) {
    const pem = fullChainPem(readPemOrDer(one(values, 'cert'), 'certificate'), chainOf(values));
    return Promise.resolve({
      data: pem,
      secret: false,
      report: (out: string) => say(`wrote ${out}: full chain, leaf first`),
    });
  },
  async 'cassandra-pem'(values) {
    const pem = await cassandraKeyAndChainPem({
      key: await readKey(values),
      certificate: readPemOrDer(one(values, 'cert'), 'certificate'),
      chain: chainOf(values),
    });
    return {
      data: pem,
      secret: true,
      report: (out: string) => {
        say(`wrote ${out}: PKCS#8 key then chain, for Cassandra's PEMBasedSslContextFactory (keystore: ${out})`);
        say(
          PLAINTEXT_KEY_NOTE.replace(
            ' (add --password-file to encrypt)',
            " (Cassandra's PEM reader on Java 17 cannot read PBES2-encrypted keys)",
          ),
        );
      },
    };
  },
};

async function encodeKey(values: Values, format: PrivateKeyFormat, password: string | undefined) {
  const iterations = integer(values, 'iterations');
  const pkcs8 = await readKey(values);
  const key = await encodePrivateKey(pkcs8, format, {
    ...(password === undefined ? {} : { password }),
    ...(iterations === undefined ? {} : { iterations }),
  });
  return {
    data: values.der ? key.der : keyPem(key),
    secret: true,
    report: (out: string) => {
      say(`wrote ${out}: ${key.label}${values.der ? ' (DER)' : ''}`);
      if (format !== 'pkcs8-encrypted') say(PLAINTEXT_KEY_NOTE);
    },
  };
}

export const command: Command = {
  name: 'export',
  summary: 'write PKCS#12 keystores/truststores, PKCS#8/PKCS#1/SEC1 keys, PKCS#7, DER, full-chain and Cassandra PEM',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, OPTIONS);
    const [format, ...extra] = positionals;
    if (values.help || !format) {
      process.stdout.write(HELP);
      return values.help ? 0 : 2;
    }
    const build = BUILDERS[format];
    if (!build) throw new UsageError(`unknown format "${format}" (${Object.keys(BUILDERS).join(', ')})`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra.join(' ')}"`);
    const out = required(values, 'out');
    assertWritable([out], values.force === true);
    const built = await build(values);
    writeOut(out, built.data, { secret: built.secret });
    // writeFileSync's mode only applies to a new file; with --force over an existing 0644 file a
    // key would stay world-readable, so the mode is set explicitly.
    if (built.secret) chmodSync(out, 0o600);
    built.report(out);
    return 0;
  },
};
