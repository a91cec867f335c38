import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createIntermediateCa, createRootCa, issueLeaf, isPkiError } from '../pki/index.ts';
import { certificateTree } from './certificate-tree.ts';
import { explainedReport, inspectReport, type InspectInput } from './inspect-report.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** Both reports are made at this instant, so validity texts ("days left") compare equal. */
const AT = new Date(Date.UTC(2026, 2, 1, 12));

let cluster: InspectInput[] = [];
beforeAll(async () => {
  const root = await createRootCa({ subject: { commonName: 'Tree Root' } });
  const material = { certPem: root.certPem, keyPem: root.keyPem, chainPem: '' };
  const int = await createIntermediateCa({ subject: { commonName: 'Tree Issuing' } }, material);
  const issuing = { certPem: int.certPem, keyPem: int.keyPem, chainPem: int.chainPem };
  const nodes = await Promise.all(
    ['db-1', 'db-2'].map((cn) => issueLeaf({ profile: 'node', commonName: cn, sans: `${cn}.internal` }, issuing)),
  );
  cluster = [
    { name: 'ca.crt', data: root.certPem + int.certPem },
    ...nodes.flatMap((n, i) => [
      { name: `db-${i + 1}.crt`, data: n.certPem },
      { name: `db-${i + 1}.key`, data: n.keyPem },
    ]),
  ];
});

afterEach(() => void vi.useRealTimers());

const rows: { name: string; inputs: () => InspectInput[] }[] = [
  { name: 'the system CA bundle', inputs: () => [{ name: 'ca-certificates.crt', data: readFileSync(SYSTEM_BUNDLE) }] },
  { name: 'a cluster: root, intermediate, two nodes and their keys', inputs: () => cluster },
];

describe('certificateTree (a certificate tree made on request)', () => {
  for (const row of rows) {
    it(`is the tree the report would hold: ${row.name}`, async () => {
      // Only Date is faked: WebCrypto and timers run as usual.
      vi.useFakeTimers({ now: AT, toFake: ['Date'] });
      const inputs = row.inputs();
      const full = await explainedReport({ inputs });
      const lean = await inspectReport({ inputs, treesOnRequestFrom: 1 });
      // The clock moves on before the trees are asked for: they must count from the report's `at`.
      vi.useRealTimers();
      expect(lean.at).toBe(AT.toISOString());
      expect(lean.items.length).toBe(full.items.length);
      const certificates = lean.items.filter((i) => i.kind === 'certificate');
      expect(certificates.length).toBeGreaterThan(0);
      for (const [n, item] of lean.items.entries()) {
        const whole = full.items[n]!;
        // Everything but a certificate's tree is the same; keys and other items keep theirs.
        const { tree, ...rest } = item;
        const { tree: wholeTree, ...wholeRest } = whole;
        expect(rest).toEqual(wholeRest);
        if (item.kind !== 'certificate') {
          expect(tree).toEqual(wholeTree);
          continue;
        }
        expect(tree).toBeUndefined();
        expect(await certificateTree({ pem: item.pem ?? '', source: item.source, at: lean.at })).toEqual(wholeTree);
      }
      expect(lean.relations).toEqual(full.relations);
      expect(lean.diagnoses).toEqual(full.diagnoses);
    });
  }

  it('keeps every tree below the threshold', async () => {
    const report = await inspectReport({ inputs: cluster, treesOnRequestFrom: 5 });
    expect(report.items.filter((i) => i.kind === 'certificate').length).toBe(4);
    for (const item of report.items) expect(item.tree).toBeDefined();
  });

  const bad: {
    name: string;
    request: () => { pem: string; source: string; at: string };
    field: string;
    message: RegExp;
  }[] = [
    {
      name: 'a date that is not one',
      request: () => ({ pem: String(cluster[1]?.data), source: 'db-1.crt', at: 'yesterday' }),
      field: 'at',
      message: /at: "yesterday" is not an ISO 8601 date-time/,
    },
    {
      name: 'a key, not a certificate',
      request: () => ({ pem: String(cluster[2]?.data), source: 'db-1.key', at: AT.toISOString() }),
      field: 'pem',
      message: /pem: the certificate of db-1\.key could not be read again \(it holds 1 items, not one certificate\)/,
    },
    {
      name: 'two certificates',
      request: () => ({ pem: String(cluster[0]?.data), source: 'ca.crt', at: AT.toISOString() }),
      field: 'pem',
      message: /it holds 2 items, not one certificate/,
    },
    {
      name: 'damaged text',
      request: () => ({
        pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
        source: 'x.crt',
        at: AT.toISOString(),
      }),
      field: 'pem',
      message: /pem: the certificate of x\.crt could not be read again \(.+\)/,
    },
  ];
  for (const row of bad) {
    it(`refuses ${row.name}, naming the field`, async () => {
      const failure = await certificateTree(row.request()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isPkiError(failure) && failure.field).toBe(row.field);
      expect((failure as Error).message).toMatch(row.message);
    });
  }
});
