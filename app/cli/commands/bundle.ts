/**
 * `certbench bundle`: issue node and client certificates under a CA folder and write them as one
 * zip laid out for an ecosystem (casty, haystack, crank, ScyllaDB, Cassandra, Kubernetes, generic),
 * with a README.txt. A thin adapter around the cluster flow the browser uses too (flows/cluster.ts):
 * flags in, every check before the first key, everything issued in memory; the zip is the only write.
 */
import { basename, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { integer, parse, required, UsageError } from '../args.ts';
import { assertWritable, readPasswordFile, readText, writeOut } from '../io.ts';
import { KEY_ALGORITHMS, PkiError } from '../../pki/index.ts';
import { checkClusterPlan, clusterBundle, issueCluster, type ClusterPlan } from '../../flows/cluster.ts';
import { buildBundle } from '../../layouts/build-bundle.ts';
import { LAYOUTS, layoutById } from '../../layouts/index.ts';
import type { Layout, LayoutOptions } from '../../layouts/types.ts';
import { zipBundle } from '../../layouts/zip.ts';
import { plural } from '../../text/plural.ts';
import { TARGETS, targetById } from '../../targets/index.ts';
import { algorithmFlag, passphraseFlag, presetFlag, printNotes, readCaDir } from './ca.ts';

const OPTIONS = {
  layout: { type: 'string' },
  target: { type: 'string' },
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
  'store-password-env': { type: 'string' },
  force: { type: 'boolean' },
} as const;

const HELP = `usage: certbench bundle (--target TARGET | --layout LAYOUT) --ca-dir DIR [--nodes NODES.txt] [--clients NAME…] --out F.zip [options]

Issue a certificate per node (NODES.txt: a name then its IPs and DNS names per line) and per
client under the CA in DIR (ca.crt, ca.key, chain.crt for an intermediate), and write them as one
zip laid out for the target system (or LAYOUT), with a README.txt listing every file and commands
to check it. The Cluster view in the browser makes the same bundle.

  --target ${TARGETS.map((t) => t.id).join('|')}
${TARGETS.map((t) => `      ${t.id.padEnd(11)} ${t.description} (layout ${t.layout})`).join('\n')}
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
  --store-password-file F       password of the PKCS#12 stores (required with pkcs12: this flag or the next);
                                it also unlocks the key inside each keystore, as Cassandra's keystore_password does
  --store-password-env VAR      the same password from the environment variable VAR (e.g. in CI)
  --force                       overwrite F.zip

Private keys the target cannot read encrypted are written in the clear: the command says so.
`;

/** Client names from repeated --clients, commas, and the words that follow the flag. */
function clientNames(values: { clients?: string[] }, positionals: string[]): string[] {
  return [...(values.clients ?? []), ...positionals]
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The layout of --target, or --layout; exactly one of them. */
function layoutFlag(values: { target?: string; layout?: string }): Layout {
  if (values.target !== undefined && values.layout !== undefined)
    throw new UsageError('give --target or --layout, not both');
  if (values.target !== undefined) return layoutById(targetById(values.target).layout);
  return layoutById(required(values, 'layout'));
}

/** Flow fields as the flags that set them, so an error names what the user typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  keyAlgorithm: 'alg',
  days: 'days',
  cluster: 'cluster',
  clients: 'clients',
  nodes: 'nodes',
};

function layoutOptions(values: Record<string, unknown>): LayoutOptions {
  const options: LayoutOptions = {};
  const format = values['cassandra-format'];
  if (format !== undefined) {
    if (format !== 'pem' && format !== 'pkcs12')
      throw new UsageError(`--cassandra-format must be pem or pkcs12, got ${JSON.stringify(format)}`);
    options.cassandraFormat = format;
  }
  const keyPassphrase = passphraseFlag(values, 'key-passphrase-file');
  if (keyPassphrase !== undefined) options.keyPassphrase = keyPassphrase;
  const storePassword = storePasswordFlag(values);
  if (storePassword !== undefined) options.storePassword = storePassword;
  return options;
}

/** The store password from --store-password-file or --store-password-env (not both); undefined when neither. */
function storePasswordFlag(values: Record<string, unknown>): string | undefined {
  const file = values['store-password-file'];
  const env = values['store-password-env'];
  if (typeof file === 'string' && typeof env === 'string')
    throw new UsageError('give --store-password-file or --store-password-env, not both');
  if (typeof file === 'string') return readPasswordFile(file);
  if (typeof env !== 'string') return undefined;
  const value = process.env[env];
  if (value === undefined || value === '')
    throw new UsageError(`--store-password-env ${env}: the environment variable ${env} is not set or empty`);
  return value;
}

/** Run `step`, naming the flag behind a flow field in any PkiError ('alg: …' rather than 'keyAlgorithm: …'). */
async function withFlagNames<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const flag = e instanceof PkiError ? FLAG_OF_FIELD[e.field] : undefined;
    if (e instanceof PkiError && flag) throw new PkiError(e.code, flag, e.message, { cause: e });
    throw e;
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const layout = layoutFlag(values);
  const caDir = required(values, 'ca-dir');
  const out = required(values, 'out');
  const clients = clientNames(values, positionals);
  if (!values.nodes && clients.length === 0) throw new UsageError('give --nodes NODES.txt, --clients NAME…, or both');
  assertWritable([out], values.force === true);
  const options = layoutOptions(values);
  const defaults = presetFlag(values);
  const algorithm = algorithmFlag(values, defaults.algorithm);
  const days = integer(values, 'days') ?? defaults.leafDays;
  const plan: ClusterPlan = {
    cluster: typeof values.cluster === 'string' ? values.cluster : basename(resolve(caDir)),
    ...(typeof values.nodes === 'string' ? { nodes: readText(values.nodes, 'nodes') } : {}),
    clients,
    layout: layout.id,
    layoutOptions: options,
    algorithm,
    leafDays: days,
  };
  const issued = await withFlagNames(async () => {
    checkClusterPlan(plan); // before the CA folder is read, as issueCluster does before any key
    const ca = readCaDir(caDir, passphraseFlag(values, 'ca-key-passphrase-file'));
    return issueCluster(plan, { existing: ca });
  });
  const bundle = clusterBundle(issued);
  const { nodes, clients: issuedClients } = bundle;
  const built = await buildBundle({ bundle, layout, options });
  const zip = zipBundle(built.files);
  writeOut(out, zip, { secret: built.files.some((f) => f.secret) });

  printNotes(issued.notes);
  for (const w of built.warnings) process.stderr.write(`warning: ${w}\n`);
  if (built.containsPlaintextKeys)
    process.stderr.write(
      `warning: ${out} holds unencrypted private keys: keep it private and delete it once unpacked.\n`,
    );
  process.stdout.write(
    `wrote ${out} (${layout.label}: ${plural(nodes.length, 'node')}, ${plural(issuedClients.length, 'client')}, ${plural(built.files.length, 'file')})\n`,
  );
  for (const f of built.files) process.stdout.write(`  ${f.path}\n`);
  return 0;
}

export const command: Command = {
  name: 'bundle',
  summary: 'issue node and client certificates and zip them laid out for casty, ScyllaDB, Cassandra, Kubernetes…',
  help: HELP,
  run,
};
