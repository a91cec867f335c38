/**
 * `certbench issue node|server|client NAME [SAN…]` and `certbench issue batch NODES.txt`: leaf
 * certificates from a CA folder, in the spirit of `casty cert create-node|create-client`.
 * PROFILE.crt holds the leaf then, under an intermediate, the chain up to the root's child;
 * PROFILE.key is PKCS#8 (encrypted with --key-passphrase-file).
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readText, writeOut } from '../io.ts';
import { writeOutMany } from '../write-many.ts';
import { nodeLeafEngine } from '../node-leaf-engine.ts';
import { KEY_ALGORITHMS, PkiError } from '../../pki/light/index.ts';
import {
  type BatchLine,
  issueBatchLines,
  issueLeaf,
  loadIssuer,
  type LeafProfile,
  parseBatch,
} from '../../pki/index.ts';
import { algorithmFlag, passphraseFlag, presetFlag, printNotes, readCaDir } from './ca.ts';

const ALG_IDS = KEY_ALGORITHMS.map((a) => a.id).join('|');

const OPTIONS = {
  'ca-dir': { type: 'string' },
  'ca-key-passphrase-file': { type: 'string' },
  out: { type: 'string' },
  alg: { type: 'string' },
  days: { type: 'string' },
  preset: { type: 'string' },
  'key-passphrase-file': { type: 'string' },
  force: { type: 'boolean' },
} as const;

const COMMON_HELP = `  --ca-dir DIR               issuing CA folder (ca.crt, ca.key, chain.crt if an intermediate)
  --ca-key-passphrase-file F passphrase of an encrypted DIR/ca.key
  --out DIR                  folder to write into (created if missing)
  --alg ${ALG_IDS}
                             key algorithm (default p256)
  --days N                   validity in days (default 365; casty preset 90; never beyond the CA)
  --preset certbench|casty   defaults to start from
  --key-passphrase-file F    encrypt the key (PBES2, AES-256-CBC) with the first line of F
  --force                    overwrite existing files
`;

const PROFILE_HELP: Record<LeafProfile, string> = {
  node: 'a cluster node: serverAuth + clientAuth; NAME (if a host or IP) and the SANs are what peers dial',
  server: 'a TLS server: serverAuth; NAME (if a host or IP) and the SANs are what clients dial',
  client: 'a TLS client: clientAuth only; NAME is the identity (CN); SANs optional',
};

function leafHelp(profile: LeafProfile): string {
  return `usage: certbench issue ${profile} NAME [SAN…] --ca-dir DIR --out DIR [options]

Issue ${PROFILE_HELP[profile]}.
Writes DIR/${profile}.crt (leaf, then intermediates) and DIR/${profile}.key.
SANs: DNS names (wildcards, IDN), IPv4, IPv6, email, URI; prefixes DNS:/IP:/email:/URI: optional.

${COMMON_HELP}`;
}

const BATCH_HELP = `usage: certbench issue batch NODES.txt --ca-dir DIR --out DIR [options]

Issue one node certificate per line of NODES.txt ("name, then its IPs and DNS names"; blank
lines and # comments skipped). Writes DIR/NAME/node.crt and DIR/NAME/node.key per node.
Every line is checked before the first key is made.

${COMMON_HELP}`;

const HELP = `usage: certbench issue <node|server|client|batch> … [options]

  node NAME [SAN…]     serverAuth + clientAuth (cluster members)
  server NAME [SAN…]   serverAuth
  client NAME [SAN…]   clientAuth only; NAME is the identity
  batch NODES.txt      one node certificate per line

certbench issue <subcommand> --help for the options.
`;

async function leaf(profile: LeafProfile, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(leafHelp(profile));
    return 0;
  }
  const [name, ...sans] = positionals;
  if (!name) throw new UsageError('NAME is required');
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const files = [join(out, `${profile}.crt`), join(out, `${profile}.key`)];
  assertWritable(files, values.force === true);
  const defaults = presetFlag(values);
  const issuer = readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file'));
  const issued = await issueLeaf(
    {
      profile,
      commonName: name,
      sans: sans.join('\n'),
      algorithm: algorithmFlag(values, defaults.algorithm),
      days: integer(values, 'days') ?? defaults.leafDays,
      keyPassphrase: passphraseFlag(values, 'key-passphrase-file'),
    },
    issuer,
  );
  writeOut(files[0] ?? '', issued.chainPem);
  writeOut(files[1] ?? '', issued.keyPem, { secret: true });
  printNotes(issued.notes);
  process.stdout.write(`wrote ${files.join(', ')} (valid until ${issued.notAfter})\n`);
  return 0;
}

/** A batch node's two files: OUT/NAME/node.crt and node.key. */
function nodeFiles(out: string, name: string): { crt: string; key: string } {
  return { crt: join(out, name, 'node.crt'), key: join(out, name, 'node.key') };
}

/**
 * The lines whose node folder is already there: a folder that is not there holds neither file,
 * so one look per node, not per file. A file where a node's folder goes is refused up front.
 */
function existingNodeFolders(out: string, lines: readonly BatchLine[]): BatchLine[] {
  const top = statSync(out, { throwIfNoEntry: false });
  if (!top) return [];
  if (!top.isDirectory()) throw new PkiError('exists', 'out', `${out} is a file, not a folder.`);
  return lines.filter((l) => {
    const folder = join(out, l.name);
    const found = statSync(folder, { throwIfNoEntry: false });
    if (found && !found.isDirectory())
      throw new PkiError('exists', 'out', `${folder} is a file: node ${l.name} needs a folder there.`);
    return found !== undefined;
  });
}

async function batch(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(BATCH_HELP);
    return 0;
  }
  const [listFile] = positionals;
  if (!listFile) throw new UsageError('NODES.txt is required');
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const text = readText(listFile, 'nodes');
  // Check every line and every target before making a key.
  const lines = parseBatch(text);
  const force = values.force === true;
  const present = existingNodeFolders(out, lines);
  assertWritable(
    present.flatMap((l) => Object.values(nodeFiles(out, l.name))),
    force,
  );
  const defaults = presetFlag(values);
  const issuer = await loadIssuer(readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file')));
  // The lines checked above are the ones issued: the list is parsed once.
  const result = await issueBatchLines(lines, issuer, {
    algorithm: algorithmFlag(values, defaults.algorithm),
    days: integer(values, 'days') ?? defaults.leafDays,
    keyPassphrase: passphraseFlag(values, 'key-passphrase-file'),
    engine: nodeLeafEngine,
  });
  writeOutMany(
    result.items.flatMap((item) => {
      const files = nodeFiles(out, item.name);
      return [
        { path: files.crt, data: item.chainPem },
        { path: files.key, data: item.keyPem, secret: true },
      ];
    }),
  );
  printNotes(result.notes);
  process.stdout.write(`wrote ${result.items.length} node folders under ${out} (from ${basename(listFile)})\n`);
  return 0;
}

export const command: Command = {
  name: 'issue',
  summary: 'issue node, server or client certificates from a CA folder, one or a batch',
  help: HELP,
  run: (argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'node' || sub === 'server' || sub === 'client') return leaf(sub, rest);
    if (sub === 'batch') return batch(rest);
    if (sub === '--help' || sub === '-h') {
      process.stdout.write(HELP);
      return Promise.resolve(0);
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required');
  },
};
