/**
 * The steps of a rolling CA rotation, per target: trust both CAs, re-issue the leaves under the
 * new one, then drop the old one, restarting one member at a time so the cluster never loses
 * quorum and every connection made along the way has a CA in common. Pure text: `certbench ca
 * rotate` prints it and writes it to NEW/ROTATION.md.
 */

export interface RotationPaths {
  /** The old CA folder (ca.crt, ca.key). */
  oldCaDir: string;
  /** The new CA folder (ca.crt, ca.key, trust-bundle.crt, cross-signed.crt with --cross-sign). */
  newCaDir: string;
  /** Whether NEW/cross-signed.crt exists. */
  crossSigned: boolean;
}

export interface RotationTarget {
  id: 'scylladb' | 'cassandra' | 'casty' | 'kubernetes';
  label: string;
  /** The three phases, each a list of lines (commands indented by four spaces). */
  phases(p: RotationPaths): { trustBoth: string[]; reissue: string[]; dropOld: string[] };
}

const join = (dir: string, file: string) => `${dir.replace(/\/+$/, '')}/${file}`;

/** The certbench commands of phase 2, common to every target. */
function reissueCommands(p: RotationPaths): string[] {
  return [
    'Renew every node and client under the new CA (same names and SANs, new keys), for example:',
    `    certbench renew batch nodes.txt --from nodes/ --ca-dir ${p.newCaDir} --out nodes-new/`,
    `    certbench renew clients/app/client.crt --ca-dir ${p.newCaDir} --out clients-new/app/`,
  ];
}

export const ROTATION_TARGETS: readonly RotationTarget[] = [
  {
    id: 'scylladb',
    label: 'ScyllaDB',
    phases: (p) => ({
      trustBoth: [
        `Copy ${join(p.newCaDir, 'trust-bundle.crt')} to every node and point \`truststore:\` at it in both`,
        'server_encryption_options and client_encryption_options of scylla.yaml. Then, one node at a time:',
        '    nodetool drain && sudo systemctl restart scylla-server',
        '    nodetool status    # wait until every node is UN before the next',
        'Give drivers and cqlsh (`certfile` in cqlshrc) the same bundle.',
      ],
      reissue: [
        ...reissueCommands(p),
        'Replace `certificate:` and `keyfile:` on each node with its new files, restarting one node at a time as above.',
      ],
      dropOld: [
        `Point \`truststore:\` at ${join(p.newCaDir, 'ca.crt')} alone, node by node; then the clients.`,
        `With a CRL (\`certficate_revocation_list\`, ScyllaDB's spelling), publish the new CA's: certbench crl --ca-dir ${p.newCaDir} --out crl.pem.`,
      ],
    }),
  },
  {
    id: 'cassandra',
    label: 'Apache Cassandra',
    phases: (p) => ({
      trustBoth: [
        `With PEMBasedSslContextFactory, point \`truststore:\` at ${join(p.newCaDir, 'trust-bundle.crt')} (a PEM file may hold`,
        'several CAs) in server_encryption_options and client_encryption_options. One node at a time:',
        '    nodetool drain && sudo systemctl restart cassandra',
        '    nodetool status    # UN everywhere before the next node',
      ],
      reissue: [
        ...reissueCommands(p),
        'Cassandra wants the PKCS#8 key and the chain in one `keystore:` file: `certbench export cassandra-pem --cert node.crt --key node.key --out node-keystore.pem` writes it. Restart node by node.',
      ],
      dropOld: [
        `Point \`truststore:\` at ${join(p.newCaDir, 'ca.crt')} alone and restart node by node; then the clients.`,
      ],
    }),
  },
  {
    id: 'casty',
    label: 'casty',
    phases: (p) => ({
      trustBoth: [
        `Give every node \`Config.from_paths(..., cafile="${join(p.newCaDir, 'trust-bundle.crt')}")\` (Python's ssl loads every`,
        'CA in the file) and restart the nodes one at a time; ClusterClient users take the same cafile.',
      ],
      reissue: [...reissueCommands(p), 'Point certfile/keyfile at the new node.crt/node.key, one node at a time.'],
      dropOld: [
        `Set cafile to ${join(p.newCaDir, 'ca.crt')} alone and restart node by node. casty leaves last 90 days: renew well before.`,
      ],
    }),
  },
  {
    id: 'kubernetes',
    label: 'Kubernetes',
    phases: (p) => ({
      trustBoth: [
        "Put the bundle into each Secret's ca.crt and restart the workload (processes read certificates at start):",
        `    kubectl create secret generic node-0-tls --from-file=ca.crt=${join(p.newCaDir, 'trust-bundle.crt')} \\`,
        '      --from-file=tls.crt=nodes/node-0/node.crt --from-file=tls.key=nodes/node-0/node.key --dry-run=client -o yaml | kubectl apply -f -',
        '    kubectl rollout restart statefulset/NAME && kubectl rollout status statefulset/NAME',
      ],
      reissue: [
        ...reissueCommands(p),
        'Apply the Secrets again with the new tls.crt/tls.key (ca.crt still the bundle), then roll out.',
      ],
      dropOld: [`Apply the Secrets with ca.crt=${join(p.newCaDir, 'ca.crt')} and roll out once more.`],
    }),
  },
];

/** The whole guide as Markdown: what was made, then each target's three phases. */
export function rotationGuide(p: RotationPaths): string {
  const lines = [
    '# Rolling CA rotation',
    '',
    `New CA: ${join(p.newCaDir, 'ca.crt')} (key ${join(p.newCaDir, 'ca.key')}). Old CA: ${join(p.oldCaDir, 'ca.crt')}.`,
    `Transition trust bundle (old CA, then new): ${join(p.newCaDir, 'trust-bundle.crt')}.`,
    ...(p.crossSigned
      ? [
          `Cross-signed certificate: ${join(p.newCaDir, 'cross-signed.crt')}, the new CA certified by the old one. A peer that still`,
          'trusts only the old CA accepts a new leaf when the leaf is sent followed by this file (append it to the node.crt).',
        ]
      : []),
    '',
    'Three phases, each finished on every member before the next starts:',
    '1. trust both CAs; 2. re-issue the leaves under the new CA; 3. trust the new CA alone.',
  ];
  for (const t of ROTATION_TARGETS) {
    const ph = t.phases(p);
    lines.push(
      '',
      `## ${t.label}`,
      '',
      '1. Trust both',
      ...ph.trustBoth,
      '',
      '2. Re-issue the leaves',
      ...ph.reissue,
      '',
      '3. Drop the old CA',
      ...ph.dropOld,
    );
  }
  return `${lines.join('\n')}\n`;
}
