/** README.txt of a bundle: what each file is, whether keys are encrypted, and commands that check it. */
import type { Bundle, Layout, LayoutOptions, PlannedFile } from './types.ts';
import { clusterLabel, secretName } from './kubernetes.ts';
import { targetOfLayout } from '../targets/index.ts';
import { targetSnippets } from '../targets/snippets.ts';
import { DEFAULT_ROOTS } from '../snippets/context.ts';

/** Quote a path for a POSIX shell when it needs it. */
function sh(path: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

function checkCommands(bundle: Bundle, layout: Layout, options: LayoutOptions, planned: ReadonlySet<string>): string[] {
  if (layout.id === 'kubernetes') {
    const first = bundle.nodes[0] ?? bundle.clients[0];
    const name = first?.name ?? 'NAME';
    return [
      `kubectl apply -f ${sh(`${name}-tls.yaml`)}`,
      `kubectl get secret -l app.kubernetes.io/part-of=${clusterLabel(bundle.cluster)}`,
      `kubectl get secret ${secretName(bundle.cluster, name)} -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -subject -ext subjectAltName`,
    ];
  }
  const paths = layout.paths(bundle, options);
  const lines: string[] = [];
  for (const e of [...paths.nodes, ...paths.clients]) {
    if (e.keystore) {
      lines.push(`keytool -list -storetype PKCS12 -keystore ${sh(e.keystore)}`);
      if (e.truststore) lines.push(`keytool -list -storetype PKCS12 -keystore ${sh(e.truststore)}`);
      continue;
    }
    // -untrusted lets openssl use intermediates that follow the leaf in the same file.
    lines.push(`openssl verify -x509_strict -CAfile ${sh(e.ca)} -untrusted ${sh(e.cert)} ${sh(e.cert)}`);
  }
  // The handshake needs both private keys in the bundle (a crank bundle has none: they stay on the workers).
  const node = paths.nodes.find((n) => !n.keystore && planned.has(n.key));
  const client = paths.clients.find((c) => planned.has(c.key));
  const host = bundle.nodes[0]?.dns[0] ?? bundle.nodes[0]?.ips[0] ?? 'HOST';
  if (node && client) {
    lines.push(
      '',
      '# mutual TLS end to end: a test server with the node files, a client with the client files',
      `openssl s_server -accept 8443 -cert ${sh(node.cert)} -key ${sh(node.key)} -CAfile ${sh(node.ca)} -Verify 1 -verify_return_error -www &`,
      `openssl s_client -connect 127.0.0.1:8443 -servername ${sh(host)} -verify_hostname ${sh(host)} -cert ${sh(client.cert)} -key ${sh(client.key)} -CAfile ${sh(client.ca)} -verify_return_error </dev/null`,
    );
  }
  return lines;
}

/**
 * The target's configuration snippets in the order the page shows them, as a table of contents
 * with the command that prints each one filled in for this bundle (the page shows the same text).
 */
function snippetContents(layout: Layout, options: LayoutOptions): string[] {
  const target = targetOfLayout(layout.id);
  const snippets = targetSnippets(target, options);
  if (snippets.length === 0) return [];
  const width = Math.max(...snippets.map((s) => s.id.length));
  const format = options.cassandraFormat === 'pkcs12' ? ' --cassandra-format pkcs12' : '';
  const root = DEFAULT_ROOTS[layout.id] || 'DIR';
  return [
    `Configuration snippets for ${target.label}, in the order certbench shows them`,
    `  print one: certbench snippet ID --layout ${layout.id}${format} --nodes NODES.txt --root ${sh(root)}`,
    ...snippets.map((s) => `  ${s.id.padEnd(width)}  ${s.label}`),
    '',
  ];
}

export interface ReadmeFacts {
  /** True when at least one file holds an unencrypted private key. */
  plaintextKeys: boolean;
  encryptedKeys: boolean;
}

export function readmeText(
  bundle: Bundle,
  layout: Layout,
  options: LayoutOptions,
  files: PlannedFile[],
  facts: ReadmeFacts,
): string {
  const width = Math.max(...files.map((f) => f.path.length), 'README.txt'.length);
  const keys: string[] = [];
  if (facts.encryptedKeys)
    keys.push('Encrypted private keys are PKCS#8 (PBES2, AES-256-CBC); the passphrase is not in this bundle.');
  if (facts.plaintextKeys)
    keys.push('Some private keys are NOT encrypted: keep these files readable by their service only (chmod 600).');
  if (options.storePassword)
    keys.push(
      'PKCS#12 stores, and the private key inside each keystore, open with the store password given when this bundle was made; it is not in this bundle.',
    );
  return [
    `certbench bundle for cluster "${bundle.cluster}", laid out for ${layout.label}.`,
    '',
    layout.describe,
    '',
    'Files',
    ...files.map((f) => `  ${f.path.padEnd(width)}  ${f.about}`),
    `  ${'README.txt'.padEnd(width)}  this file`,
    '',
    ...keys,
    '',
    ...snippetContents(layout, options),
    'Check (from this folder)',
    ...checkCommands(bundle, layout, options, new Set(files.map((f) => f.path))).map((l) => (l ? `  ${l}` : '')),
    '',
  ].join('\n');
}
