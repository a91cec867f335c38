/**
 * Regression (issue 10): Export from the workspace named hosts "DNS:db-1". Issuing stored SANs as
 * "DNS:x"/"IP:y" text and bundle-from-workspace took any SAN with a ":" for an IP, so the zip's
 * README and the snippets said `-verify_hostname 'DNS:db-1'`, `hosts=["DNS:db-1", …]` and
 * `-checkip DNS:db-1`. Its unit test used bare SANs production never wrote. This goes the way a
 * person does: issue in the worker op, save as the views save, bundle from the workspace, zip in
 * the worker op, and read the text people read.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderSnippets } from '../../flows/bundle-snippets.ts';
import { issuedItem } from '../../flows/issued-item.ts';
import type { LayoutId } from '../../layouts/types.ts';
import { snippetsFor } from '../../snippets/index.ts';
import { createAppStore } from '../../store/create-store.ts';
import { memoryRecordStore } from '../../store/record-store.ts';
import { OPS } from '../../worker/ops.ts';
import { bundleFromWorkspace } from '../../flows/bundle-from-workspace.ts';

/** A root, two nodes (DNS, IPv4 and IPv6 SANs) and a client, issued and saved as the Issue view does. */
async function workspaceWithIssuedCluster() {
  const app = createAppStore({ records: memoryRecordStore(), channelName: `export-hosts-${process.pid}` });
  await app.hydration;
  const root = await OPS.createCa({ subject: { commonName: 'prod CA' }, keyAlgorithm: 'p256', days: 3650 });
  const [ca] = app.store
    .getState()
    .addItems([issuedItem(root, { kind: 'ca', name: 'prod CA', meta: { profile: 'root' } })]);
  if (!ca) throw new Error('no CA item');
  const issuer = { certPem: root.certPem, keyPem: root.keyPem ?? '' };
  const leaves = [
    { profile: 'node', commonName: 'db-1', sans: 'db-1 10.0.0.1 fd00::1' },
    { profile: 'node', commonName: 'db-2', sans: 'db-2.example 10.0.0.2' },
    { profile: 'client', commonName: 'app', sans: '' },
  ] as const;
  for (const leaf of leaves) {
    const made = await OPS.issueCertificate({ ...leaf, keyAlgorithm: 'p256', days: 30, issuer });
    app.store.getState().addItems([issuedItem(made, { kind: 'certificate', name: leaf.commonName, parentId: ca.id })]);
  }
  return { app, ca };
}

const rows: { name: string; layout: LayoutId; want: { readme: string[]; snippets: string[] } }[] = [
  {
    name: 'ScyllaDB: README checks and driver snippets name db-1 and its IPs, never "DNS:db-1"',
    layout: 'scylla',
    want: {
      readme: ['-servername db-1 -verify_hostname db-1'],
      snippets: [
        'hosts=["10.0.0.1", "10.0.0.2"]',
        '-checkip 10.0.0.1',
        '-checkip fd00::1',
        '-servername db-1 -verify_hostname db-1',
      ],
    },
  },
  {
    name: 'generic: the same hosts in README and snippets',
    layout: 'generic',
    want: {
      readme: ['-verify_hostname db-1'],
      snippets: ['-checkip 10.0.0.1', '-checkip fd00::1', '-verify_hostname db-1'],
    },
  },
];

describe('regression: Export from the workspace named hosts "DNS:db-1"', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { app, ca } = await workspaceWithIssuedCluster();
      const items = app.store.getState().items;
      const built = bundleFromWorkspace(items, items[ca.id] ?? ca);
      if (!built) throw new Error('no bundle');
      expect(built.bundle.nodes.map((n) => [n.name, n.dns, n.ips])).toEqual([
        ['db-1', ['db-1'], ['10.0.0.1', 'fd00::1']],
        ['db-2', ['db-2', 'db-2.example'], ['10.0.0.2']],
      ]);
      const zip = await OPS.exportBundle({ bundle: built.bundle, layout: row.layout });
      const readme = strFromU8(unzipSync(zip.zip)['README.txt'] ?? new Uint8Array());
      const snippets = renderSnippets(built.bundle, row.layout, snippetsFor(row.layout))
        .map((s) => s.code ?? '')
        .join('\n');
      // openssl's own SAN syntax (-addext subjectAltName=DNS:db-1,IP:…) is right where it stands; a host is never prefixed.
      for (const text of [readme, snippets])
        expect(text.replace(/subjectAltName\s*=\s*\S+/g, '')).not.toMatch(/\b(?:DNS|IP):\S/);
      for (const want of row.want.readme) expect(readme).toContain(want);
      for (const want of row.want.snippets) expect(snippets).toContain(want);
      app.dispose();
    });
  }
});
