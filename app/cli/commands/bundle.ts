/**
 * `certbench bundle`: issue node and client certificates under a CA folder and write them as one
 * zip laid out for an ecosystem (casty, haystack, crank, ScyllaDB, Cassandra, Kubernetes, generic),
 * with a README.txt. Everything is issued and checked in memory first; the zip is the only write.
 */
import { basename, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readPasswordFile, readText, writeOut } from '../io.ts';
import { KEY_ALGORITHMS } from '../../pki/algorithms.ts';
import { PkiError } from '../../pki/errors.ts';
import { issueBatch } from '../../pki/batch.ts';
import { issueLeaf } from '../../pki/issue.ts';
import { loadIssuer } from '../../pki/issuer.ts';
import type { SanEntry } from '../../pki/san.ts';
import { buildBundle } from '../../layouts/build-bundle.ts';
import { LAYOUTS, layoutById } from '../../layouts/index.ts';
import type { Bundle, BundleClient, BundleNode, LayoutOptions } from '../../layouts/types.ts';
import { zipBundle } from '../../layouts/zip.ts';
import { algorithmFlag, passphraseFlag, presetFlag, printNotes, readCaDir } from './ca.ts';

const OPTIONS = {
  layout: { type: 'string' },
  'ca-dir': { type: 'string' },
  'ca-key-passphrase-file': { type: 'string' },
  nodes: { type: 'string' },
  clients: { type: 'string', multiple: true },
  cluster: { type: 'string' },
  out: { type: 'string' },
  alg: { type: 'string' },
  days: { type: 'string' },
  preset: { type: 'string' },
  'key-passphrase-file': { type: 'string' },
  'cassandra-format': { type: 'string' },
  'store-password-file': { type: 'string' },
  force: { type: 'boolean' },
} as const;

const HELP = `usage: certbench bundle --layout LAYOUT --ca-dir DIR [--nodes NODES.txt] [--clients NAME…] --out F.zip [options]

Issue a certificate per node (NODES.txt: a name then its IPs and DNS names per line) and per
client under the CA in DIR (ca.crt, ca.key, chain.crt for an intermediate), and write them as one
zip laid out for LAYOUT, with a README.txt listing every file and commands to check it.

  --layout ${LAYOUTS.map((l) => l.id).join('|')}
${LAYOUTS.map((l) => `      ${l.id.padEnd(11)} ${l.label}`).join('\n')}
  --ca-dir DIR                  issuing CA folder
  --ca-key-passphrase-file F    passphrase of an encrypted DIR/ca.key
  --nodes NODES.txt             node list (serverAuth + clientAuth certificates)
  --clients NAME…               client names (clientAuth certificates, CN = NAME); repeat the flag,
                                separate with commas, or list them after it
  --cluster NAME                cluster name for README, Secrets and snippets (default: DIR's name)
  --out F.zip                   the zip to write
  --alg ${KEY_ALGORITHMS.map((a) => a.id).join('|')}   key algorithm (default p256)
  --days N                      validity in days (default 365; never beyond the CA)
  --preset certbench|casty      defaults to start from
  --key-passphrase-file F       encrypt private keys (PKCS#8, PBES2 AES-256-CBC) where the target reads them
  --cassandra-format pem|pkcs12 Cassandra: key-and-chain PEM (default) or PKCS#12 keystore + truststore
  --store-password-file F       password of the PKCS#12 stores (required with pkcs12)
  --force                       overwrite F.zip

Private keys the target cannot read encrypted are written in the clear: the command says so.
`;

/** Client names from repeated --clients, commas, and the words that follow the flag. */
function clientNames(values: { clients?: string[] }, positionals: string[]): string[] {
  return [...(values.clients ?? []), ...positionals].flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** The issuers after the leaf in an issued chain (the leaf comes first). */
function issuersOf(chainPem: string): string {
  const blocks = chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
  return blocks.slice(1).join('');
}

function sanValues(sans: readonly SanEntry[], kind: SanEntry['kind']): string[] {
  return sans.filter((s) => s.kind === kind).map((s) => s.value);
}

function layoutOptions(values: Record<string, unknown>): LayoutOptions {
  const options: LayoutOptions = {};
  const format = values['cassandra-format'];
  if (format !== undefined) {
    if (format !== 'pem' && format !== 'pkcs12') throw new UsageError(`--cassandra-format must be pem or pkcs12, got ${JSON.stringify(format)}`);
    options.cassandraFormat = format;
  }
  const keyPassphrase = passphraseFlag(values, 'key-passphrase-file');
  if (keyPassphrase !== undefined) options.keyPassphrase = keyPassphrase;
  const store = values['store-password-file'];
  if (typeof store === 'string') options.storePassword = readPasswordFile(store);
  return options;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const layout = layoutById(required(values, 'layout'));
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const clients = clientNames(values, positionals);
  if (!values.nodes && clients.length === 0) throw new UsageError('give --nodes NODES.txt, --clients NAME…, or both');
  assertWritable([out], values.force === true);
  const options = layoutOptions(values);
  const defaults = presetFlag(values);
  const algorithm = algorithmFlag(values, defaults.algorithm);
  const days = integer(values, 'days') ?? defaults.leafDays;
  // Refuse what the layout cannot use before a single key is made.
  if (layout.id === 'cassandra' && options.cassandraFormat !== 'pkcs12' && algorithm === 'ed25519') {
    throw new PkiError('unsupported-algorithm', 'alg', "Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only: choose --alg p256 (or rsa2048), or --cassandra-format pkcs12.");
  }
  const ca = readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file'));
  const nodesText = typeof values.nodes === 'string' ? readText(values.nodes, 'nodes') : '';

  const notes = new Set<string>();
  const nodes: BundleNode[] = [];
  if (nodesText) {
    const batch = await issueBatch(nodesText, ca, { profile: 'node', algorithm, days });
    batch.notes.forEach((n) => notes.add(n));
    for (const item of batch.items) {
      nodes.push({ name: item.name, certPem: item.certPem, keyPem: item.keyPem, chainPem: issuersOf(item.chainPem), dns: sanValues(item.sans, 'dns'), ips: sanValues(item.sans, 'ip') });
    }
  }
  const issuer = await loadIssuer(ca);
  const issuedClients: BundleClient[] = [];
  for (const name of clients) {
    const leaf = await issueLeaf({ profile: 'client', commonName: name, algorithm, days }, issuer);
    leaf.notes.forEach((n) => notes.add(n));
    issuedClients.push({ name, commonName: name, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: issuersOf(leaf.chainPem) });
  }
  const bundle: Bundle = {
    cluster: typeof values.cluster === 'string' ? values.cluster : basename(resolve(caDir)),
    ca: { certPem: ca.certPem, chainPem: ca.chainPem },
    nodes,
    clients: issuedClients,
  };
  const built = await buildBundle({ bundle, layout, options });
  const zip = zipBundle(built.files);
  writeOut(out, zip, { secret: built.files.some((f) => f.secret) });

  printNotes([...notes]);
  for (const w of built.warnings) process.stderr.write(`warning: ${w}\n`);
  if (built.containsPlaintextKeys) process.stderr.write(`warning: ${out} holds unencrypted private keys: keep it private and delete it once unpacked.\n`);
  process.stdout.write(`wrote ${out} (${layout.label}: ${nodes.length} node(s), ${issuedClients.length} client(s), ${built.files.length} files)\n`);
  for (const f of built.files) process.stdout.write(`  ${f.path}\n`);
  return 0;
}

export const command: Command = {
  name: 'bundle',
  summary: 'issue node and client certificates and zip them laid out for casty, ScyllaDB, Cassandra, Kubernetes…',
  help: HELP,
  run,
};
