/**
 * `certbench csr create NAME [SAN…]` makes a key and a PKCS#10 request (NAME.csr, NAME.key);
 * `certbench csr sign REQ.csr --profile P` signs a request with a CA folder (REQ.crt), crank's
 * model: the key stays where the request was made.
 */
import { basename, join } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readText, writeOut } from '../io.ts';
import { KEY_ALGORITHMS } from '../../pki/light/index.ts';
import { createCsr, type LeafProfile, PROFILES, signCsr } from '../../pki/index.ts';
import { algorithmFlag, passphraseFlag, presetFlag, printNotes, readCaDir } from './ca.ts';

const ALG_IDS = KEY_ALGORITHMS.map((a) => a.id).join('|');

const CREATE_HELP = `usage: certbench csr create NAME [SAN…] --out DIR [options]

Make a key and a certificate request for NAME (its CN) with the SANs in its extensionRequest.
Writes DIR/NAME.csr and DIR/NAME.key (PKCS#8, mode 0600).

  --out DIR                  folder to write into (created if missing)
  --alg ${ALG_IDS}
                             key algorithm (default p256)
  --key-passphrase-file F    encrypt the key (PBES2, AES-256-CBC) with the first line of F
  --force                    overwrite existing files
`;

const SIGN_HELP = `usage: certbench csr sign REQ.csr --profile node|server|client --ca-dir DIR --out DIR [options]

Check the request's signature and sign it with the CA in DIR under a profile; the profile, not
the request, decides the extensions. Writes DIR/REQ.crt (leaf, then intermediates).

  --profile node|server|client
  --ca-dir DIR               issuing CA folder (ca.crt, ca.key, chain.crt if an intermediate)
  --ca-key-passphrase-file F passphrase of an encrypted DIR/ca.key
  --out DIR                  folder to write into
  --san TEXT                 replace the requested SANs (repeatable; default: keep them)
  --cn NAME                  replace the requested CN
  --days N                   validity in days (default 365; never beyond the CA)
  --preset certbench|casty   defaults to start from
  --force                    overwrite existing files
`;

const HELP = `usage: certbench csr <create|sign> … [options]

  create NAME [SAN…]   a key and a PKCS#10 request (NAME.csr, NAME.key)
  sign REQ.csr         sign a request with a CA folder under a profile (REQ.crt)

certbench csr <subcommand> --help for the options.
`;

async function create(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    alg: { type: 'string' },
    'key-passphrase-file': { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(CREATE_HELP);
    return 0;
  }
  const [name, ...sans] = positionals;
  if (!name) throw new UsageError('NAME is required');
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name))
    throw new UsageError(`NAME "${name}" also names the files; use letters, digits, ".", "_", "@" and "-"`);
  const out = required(values, 'out');
  const files = [join(out, `${name}.csr`), join(out, `${name}.key`)];
  assertWritable(files, values.force === true);
  const made = await createCsr({
    commonName: name,
    sans: sans.join('\n'),
    algorithm: algorithmFlag(values, 'p256'),
    keyPassphrase: passphraseFlag(values, 'key-passphrase-file'),
  });
  writeOut(files[0] ?? '', made.csrPem);
  writeOut(files[1] ?? '', made.keyPem, { secret: true });
  process.stdout.write(`wrote ${files.join(', ')}\n`);
  return 0;
}

async function sign(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    profile: { type: 'string' },
    'ca-dir': { type: 'string' },
    'ca-key-passphrase-file': { type: 'string' },
    out: { type: 'string' },
    san: { type: 'string', multiple: true },
    cn: { type: 'string' },
    days: { type: 'string' },
    preset: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(SIGN_HELP);
    return 0;
  }
  const [reqFile] = positionals;
  if (!reqFile) throw new UsageError('REQ.csr is required');
  const profile = required(values, 'profile');
  if (!PROFILES.some((p) => p.id === profile))
    throw new UsageError(`--profile must be node, server or client, got "${profile}"`);
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const target = join(out, `${basename(reqFile).replace(/\.(csr|req|pem)$/i, '')}.crt`);
  assertWritable([target], values.force === true);
  const issuer = readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file'));
  const issued = await signCsr(readText(reqFile, 'csr'), issuer, {
    profile: profile as LeafProfile,
    sans: values.san ? values.san.join('\n') : undefined,
    commonName: values.cn,
    days: integer(values, 'days') ?? presetFlag(values).leafDays,
  });
  writeOut(target, issued.chainPem);
  printNotes(issued.notes);
  process.stdout.write(`wrote ${target} (valid until ${issued.notAfter})\n`);
  return 0;
}

export const command: Command = {
  name: 'csr',
  summary: 'create a key and certificate request, or sign a request with a CA folder',
  help: HELP,
  run: (argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest);
    if (sub === 'sign') return sign(rest);
    if (sub === '--help' || sub === '-h') {
      process.stdout.write(HELP);
      return Promise.resolve(0);
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required');
  },
};
