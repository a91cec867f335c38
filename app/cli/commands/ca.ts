/**
 * `certbench ca create|intermediate`: a root CA or an intermediate into a folder, in the spirit
 * of `casty cert create-ca`. Also home of the CA-folder conventions the issue and csr commands
 * share: DIR/ca.crt, DIR/ca.key and, for an intermediate, DIR/chain.crt.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readPasswordFile, readText, writeOut } from '../io.ts';
import { KEY_ALGORITHMS, type KeyAlgorithmId } from '../../pki/light/index.ts';
import {
  type CaMaterial,
  type CaParams,
  createIntermediateCa,
  createRootCa,
  type IssuingDefaults,
  presetById,
  PRESETS,
} from '../../pki/index.ts';
import { encryptPkcs8Pem } from '../../pki/export/index.ts';

const ALG_IDS = KEY_ALGORITHMS.map((a) => a.id).join('|');

export const CA_FILES = { cert: 'ca.crt', key: 'ca.key', chain: 'chain.crt' } as const;

/** The algorithm flag, checked. */
export function algorithmFlag(values: Record<string, unknown>, fallback: KeyAlgorithmId): KeyAlgorithmId {
  const v = values.alg;
  if (v === undefined) return fallback;
  const found = KEY_ALGORITHMS.find((a) => a.id === v);
  if (!found) throw new UsageError(`--alg must be one of ${ALG_IDS}, got ${JSON.stringify(v)}`);
  return found.id;
}

/** The defaults of --preset (certbench when absent). */
export function presetFlag(values: Record<string, unknown>): IssuingDefaults {
  const id = typeof values.preset === 'string' ? values.preset : 'certbench';
  const p = presetById(id);
  if (!p) throw new UsageError(`--preset must be one of ${PRESETS.map((x) => x.id).join('|')}, got "${id}"`);
  return p.defaults;
}

/** A passphrase from --NAME (a file), if given. */
export function passphraseFlag(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? readPasswordFile(v) : undefined;
}

/** Read a CA folder: ca.crt, ca.key, and chain.crt when present (intermediates). */
export function readCaDir(dir: string, keyPassphrase?: string): CaMaterial {
  const chainPath = join(dir, CA_FILES.chain);
  return {
    certPem: readText(join(dir, CA_FILES.cert), 'ca-dir'),
    keyPem: readText(join(dir, CA_FILES.key), 'ca-dir'),
    chainPem: existsSync(chainPath) ? readText(chainPath, 'ca-dir') : '',
    keyPassphrase,
  };
}

/** Print the core's notes (e.g. validity clamped) where a script's user sees them. */
export function printNotes(notes: readonly string[]): void {
  for (const n of notes) process.stderr.write(`note: ${n}\n`);
}

const COMMON_OPTIONS = {
  out: { type: 'string' },
  cn: { type: 'string' },
  org: { type: 'string' },
  alg: { type: 'string' },
  days: { type: 'string' },
  'path-len': { type: 'string' },
  preset: { type: 'string' },
  'key-passphrase-file': { type: 'string' },
  force: { type: 'boolean' },
} as const;

const CREATE_HELP = `usage: certbench ca create --out DIR [options]

Create a self-signed root CA: writes DIR/ca.crt and DIR/ca.key (PKCS#8, mode 0600).

  --out DIR                  folder to write into (created if missing)
  --cn NAME                  common name (default "certbench CA")
  --org NAME                 organization (O)
  --alg ${ALG_IDS}
                             key algorithm (default p256)
  --days N                   validity in days (default 3650; casty preset 365)
  --path-len N               BasicConstraints path length (default: no limit)
  --preset certbench|casty   defaults to start from
  --key-passphrase-file F    encrypt ca.key (PBES2, AES-256-CBC) with the first line of F
  --force                    overwrite existing files
`;

const INTERMEDIATE_HELP = `usage: certbench ca intermediate --ca-dir DIR --out DIR2 [options]

Create an intermediate CA signed by the CA in DIR: writes DIR2/ca.crt, DIR2/ca.key and
DIR2/chain.crt (the intermediate, then its issuer's chain up to the root). The issuer's path
length is respected.

  --ca-dir DIR               issuing CA folder (ca.crt, ca.key, chain.crt if an intermediate)
  --ca-key-passphrase-file F passphrase of an encrypted DIR/ca.key
  --out DIR2                 folder to write into
  --cn NAME                  common name (default "certbench Intermediate CA")
  --org NAME                 organization (O)
  --alg ${ALG_IDS}
  --days N                   validity in days (default 1825; never beyond the issuer)
  --path-len N               path length (default 0: signs leaves only)
  --preset certbench|casty
  --key-passphrase-file F    encrypt ca.key with the first line of F
  --force                    overwrite existing files
`;

const HELP = `usage: certbench ca <create|intermediate|rotate> [options]

  create         a self-signed root CA (DIR/ca.crt, DIR/ca.key)
  intermediate   an intermediate CA signed by a CA folder (adds chain.crt)
  rotate         a new root CA beside the old one, with a trust bundle of both (ca-rotate.ts)

certbench ca <subcommand> --help for the options.
`;

function caParams(values: Record<string, unknown>, defaults: IssuingDefaults, intermediate: boolean): CaParams {
  const cn = typeof values.cn === 'string' ? values.cn : intermediate ? 'certbench Intermediate CA' : 'certbench CA';
  return {
    subject: { commonName: cn, organization: typeof values.org === 'string' ? values.org : undefined },
    algorithm: algorithmFlag(values, defaults.algorithm),
    days: integer(values, 'days') ?? (intermediate ? defaults.intermediateDays : defaults.rootDays),
    pathLength: integer(values, 'path-len') ?? (intermediate ? undefined : defaults.rootPathLength),
  };
}

async function create(argv: string[]): Promise<number> {
  const { values } = parse(argv, COMMON_OPTIONS);
  if (values.help) {
    process.stdout.write(CREATE_HELP);
    return 0;
  }
  const out = required(values, 'out');
  const files = [join(out, CA_FILES.cert), join(out, CA_FILES.key)];
  assertWritable(files, values.force === true);
  const passphrase = passphraseFlag(values, 'key-passphrase-file');
  const ca = await createRootCa(caParams(values, presetFlag(values), false));
  const keyPem = passphrase ? await encryptPkcs8Pem(ca.keyPem, passphrase) : ca.keyPem;
  writeOut(files[0] ?? '', ca.certPem);
  writeOut(files[1] ?? '', keyPem, { secret: true });
  printNotes(ca.notes);
  process.stdout.write(`wrote ${files.join(', ')} (valid until ${ca.notAfter})\n`);
  return 0;
}

async function intermediate(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...COMMON_OPTIONS,
    'ca-dir': { type: 'string' },
    'ca-key-passphrase-file': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(INTERMEDIATE_HELP);
    return 0;
  }
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const files = [join(out, CA_FILES.cert), join(out, CA_FILES.key), join(out, CA_FILES.chain)];
  assertWritable(files, values.force === true);
  const issuer = readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file'));
  const passphrase = passphraseFlag(values, 'key-passphrase-file');
  const ca = await createIntermediateCa(caParams(values, presetFlag(values), true), issuer);
  const keyPem = passphrase ? await encryptPkcs8Pem(ca.keyPem, passphrase) : ca.keyPem;
  // chain.crt: this intermediate, then the issuer's chain.crt (or its certificate for a root).
  const issuerChain = issuer.chainPem.trim() ? issuer.chainPem : issuer.certPem;
  writeOut(files[0] ?? '', ca.certPem);
  writeOut(files[1] ?? '', keyPem, { secret: true });
  writeOut(files[2] ?? '', ca.certPem + issuerChain);
  printNotes(ca.notes);
  process.stdout.write(`wrote ${files.join(', ')} (valid until ${ca.notAfter})\n`);
  return 0;
}

export const command: Command = {
  name: 'ca',
  summary: 'create a root CA or an intermediate CA (ca.crt, ca.key, chain.crt), or rotate a root',
  help: HELP,
  run: (argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest);
    if (sub === 'intermediate') return intermediate(rest);
    // Loaded on use: ca-rotate.ts builds on this module's CA-folder helpers.
    if (sub === 'rotate') return import('./ca-rotate.ts').then((m) => m.rotate(rest));
    if (sub === '--help' || sub === '-h') {
      process.stdout.write(HELP);
      return Promise.resolve(0);
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required');
  },
};
