/**
 * `certbench snippet TARGET`: print a ready-to-paste configuration or code snippet, filled in with
 * a layout's file paths and the nodes' hosts (placeholders when no node list is given).
 * `certbench snippet --list` lists the targets in the order the UI shows them.
 */
import type { Command } from '../command.ts';
import { integer, parse, UsageError } from '../args.ts';
import { readText } from '../io.ts';
import { parseBatch } from '../../pki/index.ts';
import { LAYOUTS, layoutById } from '../../layouts/index.ts';
import type { BundleOutline, LayoutOptions } from '../../layouts/types.ts';
import { PLACEHOLDER_OUTLINE, snippetContext, type SnippetContextOptions } from '../../snippets/context.ts';
import { SNIPPETS, snippetById } from '../../snippets/index.ts';

const OPTIONS = {
  list: { type: 'boolean' },
  layout: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  root: { type: 'string' },
  node: { type: 'string' },
  nodes: { type: 'string' },
  clients: { type: 'string', multiple: true },
  cluster: { type: 'string' },
  'encrypted-keys': { type: 'boolean' },
  'cassandra-format': { type: 'string' },
  crl: { type: 'string' },
} as const;

const HELP = `usage: certbench snippet TARGET [--layout LAYOUT] [--host HOST] [options]
       certbench snippet --list

Print the snippet for TARGET with the file paths of LAYOUT (default: the layout the target is
made for) under --root (default: where that ecosystem keeps certificates). Without --nodes the
node and client names are placeholders.

  --layout ${LAYOUTS.map((l) => l.id).join('|')}
  --host HOST                  the host clients dial (default: the node's first DNS name or IP)
  --port N                     the port (default: the target's usual one)
  --root DIR                   where the bundle is unpacked
  --nodes NODES.txt            node names and SANs, as for certbench bundle
  --node NAME                  which node server snippets are for (default: the first)
  --clients NAME…              client names (CNs)
  --cluster NAME               cluster name
  --encrypted-keys             the bundle's keys are encrypted: read the passphrase from $TLS_KEY_PASSWORD
  --cassandra-format pem|pkcs12
  --crl FILE                   the CA's CRL, for scylla-yaml (certficate_revocation_list, ScyllaDB's spelling)
                               and the CRL snippets (scylla-crl, node-tls-crl, python-ssl-crl, openssl-crl-check)
`;

function listing(): string {
  const width = Math.max(...SNIPPETS.map((s) => s.id.length));
  return (
    SNIPPETS.map(
      (s) =>
        `${s.id.padEnd(width)}  ${s.language.padEnd(10)}  ${s.label}${s.layouts === 'any' ? '' : `  [${s.layouts.join(', ')}]`}`,
    ).join('\n') + '\n'
  );
}

function outline(values: Record<string, unknown>): BundleOutline {
  const clients = ((values.clients as string[] | undefined) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const nodes =
    typeof values.nodes === 'string'
      ? parseBatch(readText(values.nodes, 'nodes')).map((l) => ({
          name: l.name,
          dns: l.sans.filter((s) => s.kind === 'dns').map((s) => s.value),
          ips: l.sans.filter((s) => s.kind === 'ip').map((s) => s.value),
        }))
      : undefined;
  // Given either list, describe the bundle `certbench bundle` would write from the same flags: the other
  // list is empty (snippetContext fills a placeholder where a snippet needs one, without moving paths).
  const described = nodes !== undefined || clients.length > 0;
  return {
    cluster: typeof values.cluster === 'string' ? values.cluster : PLACEHOLDER_OUTLINE.cluster,
    nodes: nodes ?? (described ? [] : PLACEHOLDER_OUTLINE.nodes),
    clients: clients.length
      ? clients.map((name) => ({ name, commonName: name }))
      : described
        ? []
        : PLACEHOLDER_OUTLINE.clients,
  };
}

function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return Promise.resolve(0);
  }
  if (values.list) {
    process.stdout.write(listing());
    return Promise.resolve(0);
  }
  const [target, ...extra] = positionals;
  if (!target) throw new UsageError('TARGET is required (certbench snippet --list shows them)');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const snippet = snippetById(target);
  const layout = layoutById(
    values.layout ?? (snippet.layouts === 'any' ? 'generic' : (snippet.layouts[0] ?? 'generic')),
  );
  const layoutOptions: LayoutOptions = {};
  if (values['encrypted-keys']) layoutOptions.keyPassphrase = '(not used: snippets never hold the passphrase)';
  const format = values['cassandra-format'];
  if (format !== undefined) {
    if (format !== 'pem' && format !== 'pkcs12')
      throw new UsageError(`--cassandra-format must be pem or pkcs12, got ${JSON.stringify(format)}`);
    layoutOptions.cassandraFormat = format;
  }
  const options: SnippetContextOptions = { layoutOptions };
  if (values.root !== undefined) options.root = values.root;
  if (values.host !== undefined) options.host = values.host;
  if (values.node !== undefined) options.nodeName = values.node;
  if (values.crl !== undefined) options.crl = values.crl;
  const port = integer(values, 'port');
  if (port !== undefined) options.port = port;
  process.stdout.write(snippet.render(snippetContext(outline(values), layout, options)));
  return Promise.resolve(0);
}

export const command: Command = {
  name: 'snippet',
  summary: 'print a config or code snippet (scylla.yaml, cassandra.yaml, cqlshrc, Python, Node, Kubernetes…)',
  help: HELP,
  run,
};
