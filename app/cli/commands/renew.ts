/**
 * `certbench renew CERT --ca-dir DIR --out DIR` and `certbench renew batch NODES.txt --from OLD
 * --ca-dir DIR --out NEW`: new certificates for the same names. The old files are never touched:
 * they stay valid until they expire or are revoked (`certbench revoke --reason superseded`).
 */
import { basename, join } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readText, writeOut } from '../io.ts';
import { passphraseFlag, printNotes, readCaDir } from './ca.ts';
import { formatSan, PkiError } from '../../pki/light/index.ts';
import { parseBatch } from '../../pki/index.ts';
import { leafFacts, type RenewalRequest, renewLeaf, renewLeaves } from '../../pki/lifecycle/index.ts';
import { nodeLeafEngine } from '../node-leaf-engine.ts';

const COMMON_HELP = `  --ca-dir DIR               the CA to sign with: the old leaf's CA, or its successor after
                             \`certbench ca rotate\` (ca.crt, ca.key, chain.crt if an intermediate)
  --ca-key-passphrase-file F passphrase of an encrypted DIR/ca.key
  --days N                   validity in days (default: as long as the old certificate's)
  --key-passphrase-file F    encrypt the written key (PBES2, AES-256-CBC) with the first line of F
  --force                    overwrite existing files in the output folder
`;

const LEAF_HELP = `usage: certbench renew CERT --ca-dir DIR --out DIR2 [--keep-key KEYFILE] [--days N]

Renew the leaf in CERT: the same subject, SANs and profile (node, server or client, read from
its extended key usage), a new serial, a new validity and a new key of the same type. Writes
DIR2/PROFILE.crt (leaf, then intermediates) and DIR2/PROFILE.key. CERT is left as it is.

  --out DIR2                 folder to write into (created if missing)
  --keep-key KEYFILE         certify this key again instead of making one (unencrypted PEM; it
                             must be CERT's key)
${COMMON_HELP}`;

const BATCH_HELP = `usage: certbench renew batch NODES.txt --from OLD --ca-dir DIR --out NEW [--keep-key] [--days N]

Renew a cluster issued with \`certbench issue batch NODES.txt --out OLD\`: for each line of
NODES.txt, OLD/NAME/node.crt is renewed into NEW/NAME/node.crt and NEW/NAME/node.key. The SANs
on each line must be the certificate's (renewal keeps names; to change them, issue anew).
Every certificate is read and checked before the first key is made.

  --from OLD                 the folder holding NAME/node.crt (and NAME/node.key)
  --out NEW                  folder to write into
  --keep-key                 keep each node's key (OLD/NAME/node.key, unencrypted)
${COMMON_HELP}`;

const HELP = `usage: certbench renew CERT --ca-dir DIR --out DIR2 [options]
       certbench renew batch NODES.txt --from OLD --ca-dir DIR --out NEW [options]

${LEAF_HELP.split('\n').slice(2).join('\n')}
certbench renew batch --help for the cluster form.
`;

const COMMON_OPTIONS = {
  'ca-dir': { type: 'string' },
  'ca-key-passphrase-file': { type: 'string' },
  out: { type: 'string' },
  days: { type: 'string' },
  'key-passphrase-file': { type: 'string' },
  force: { type: 'boolean' },
} as const;

async function leaf(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON_OPTIONS, 'keep-key': { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [certFile, ...extra] = positionals;
  if (!certFile) throw new UsageError('CERT is required');
  if (extra.length)
    throw new UsageError(`one CERT at a time (for a cluster: certbench renew batch), got also ${extra.join(' ')}`);
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const certPem = readText(certFile, 'cert');
  const { profile } = leafFacts(certPem);
  const files = [join(out, `${profile}.crt`), join(out, `${profile}.key`)];
  assertWritable(files, values.force === true);
  const renewed = await renewLeaf(certPem, readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file')), {
    keepKeyPem: values['keep-key'] === undefined ? undefined : readText(values['keep-key'], 'keep-key'),
    days: integer(values, 'days'),
    keyPassphrase: passphraseFlag(values, 'key-passphrase-file'),
  });
  writeOut(files[0] ?? '', renewed.chainPem);
  writeOut(files[1] ?? '', renewed.keyPem, { secret: true });
  printNotes(renewed.notes);
  process.stdout.write(
    `wrote ${files.join(', ')}: serial ${renewed.serial} replaces ${renewed.previousSerial} (valid until ${renewed.notAfter})\n`,
  );
  return 0;
}

/** The SANs written on a line must be the certificate's, in any order. */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

async function batch(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON_OPTIONS,
    from: { type: 'string' },
    'keep-key': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(BATCH_HELP);
    return 0;
  }
  const [listFile] = positionals;
  if (!listFile) throw new UsageError('NODES.txt is required');
  const from = required(values, 'from');
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const lines = parseBatch(readText(listFile, 'nodes'));
  const requests: RenewalRequest[] = lines.map((l) => {
    const certPem = readText(join(from, l.name, 'node.crt'), 'from');
    const listed = l.sans.map(formatSan);
    const inCert = leafFacts(certPem, 'from').sans.map(formatSan);
    if (!sameNames(listed, inCert)) {
      throw new PkiError(
        'invalid-argument',
        'nodes',
        `line ${l.line}: ${l.name}'s certificate names ${inCert.join(', ')}, the list ${listed.join(', ')}; renewal keeps a certificate's names (issue anew to change them).`,
      );
    }
    return {
      name: l.name,
      certPem,
      ...(values['keep-key'] ? { keepKeyPem: readText(join(from, l.name, 'node.key'), 'from') } : {}),
    };
  });
  assertWritable(
    lines.flatMap((l) => [join(out, l.name, 'node.crt'), join(out, l.name, 'node.key')]),
    values.force === true,
  );
  const renewed = await renewLeaves(
    requests,
    readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file')),
    { days: integer(values, 'days'), keyPassphrase: passphraseFlag(values, 'key-passphrase-file') },
    undefined,
    // Node's own crypto for the batches, as `certbench issue batch` (proven before use: leaf-engine.ts).
    { engine: nodeLeafEngine },
  );
  for (const r of renewed) {
    writeOut(join(out, r.name, 'node.crt'), r.chainPem);
    writeOut(join(out, r.name, 'node.key'), r.keyPem, { secret: true });
  }
  printNotes([...new Set(renewed.flatMap((r) => r.notes))]);
  process.stdout.write(`renewed ${renewed.length} nodes from ${from} into ${out} (from ${basename(listFile)})\n`);
  return 0;
}

export const command: Command = {
  name: 'renew',
  summary: 'renew a leaf or a whole cluster: same names, new serial, validity and key',
  help: HELP,
  run: (argv) => {
    const [first, ...rest] = argv;
    if (first === 'batch') return batch(rest);
    return leaf(argv);
  },
};
