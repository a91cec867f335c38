// Issue 8, Acceptance: the differential corpus judged by the real TLS stacks installed here, and
// certbench's verdict for each client equal to its stack's on every variant. Both tables go to
// .ci/out/differential.md (path and tables printed in the test log).
//   npx vitest run app/pki/validate/differential/differential.test.ts
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatePath } from '../index.ts';
import { differentialCorpus } from './corpus.ts';
import { handshakePeer } from './handshake-peer.ts';
import { judgeWithStacks, stackVerdict, STACK_CLIENTS, type StackClient, type StackRow } from './stacks.ts';
import { agreement, compare, type ComparedRow } from './compare.ts';
import { comparisonTable, stackDetails, stackTable } from './table.ts';

/** In the repository's .ci/out (git-ignored; `npm test` clears it first, then this test writes the table). */
const OUT_DIR = fileURLToPath(new URL('../../../../.ci/out/', import.meta.url));
const TABLE_FILE = `${OUT_DIR}differential.md`;

let rows: StackRow[];
let compared: ComparedRow[];
beforeAll(async () => {
  rows = await judgeWithStacks(await differentialCorpus(), await handshakePeer());
  compared = [];
  for (const row of rows) {
    const v = row.variant;
    const result = await validatePath({
      leaf: v.leaf,
      intermediates: v.intermediates,
      anchors: [v.anchor],
      at: v.at,
      purpose: v.purpose,
      // A server checks no name on a client certificate, so neither does certbench for a client chain.
      ...(v.purpose === 'server' ? { host: v.host } : {}),
    });
    compared.push(compare(row, result.clients));
  }
  const figures = Object.entries(agreement(compared))
    .map(([id, a]) => `${id} ${a.agree}/${a.total}`)
    .join(', ');
  const text = [
    '# Differential corpus',
    '',
    `Agreement of certbench with the real stacks: ${figures}`,
    '',
    '## certbench per client vs the real stack',
    '',
    comparisonTable(compared),
    '',
    '## The real stacks',
    '',
    stackTable(rows),
    '',
    '## Notes and full reasons',
    '',
    stackDetails(rows),
    '',
  ].join('\n');
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(TABLE_FILE, text);
  console.log(
    `differential table: ${TABLE_FILE}\nagreement: ${figures}\n${comparisonTable(compared)}\n\n${stackTable(rows)}`,
  );
}, 600_000);

describe('differential corpus: the real stacks', () => {
  it('holds at least 60 variants, each rule at root, intermediate and leaf where it applies', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const positions = (rule: string) =>
      rows
        .filter((r) => r.variant.rule === rule)
        .map((r) => r.variant.position)
        .sort();
    expect(positions('serial-zero')).toEqual(['intermediate', 'leaf', 'root']);
    expect(positions('aki-critical')).toEqual(['intermediate', 'leaf', 'root']);
    expect(positions('duplicate-extension')).toEqual(['intermediate', 'leaf', 'root']);
  });

  it('controls are accepted by every stack; negative controls refused by every stack', () => {
    const wrong = rows.flatMap((r) => {
      if (r.variant.rule !== 'control' && r.variant.rule !== 'baseline') return [];
      const want = r.variant.rule === 'control';
      return Object.entries(r.verdicts)
        .filter(([, v]) => v.ok !== want)
        .map(([c, v]) => `${r.variant.name} ${c}: ${v.reason}`);
    });
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(STACK_CLIENTS) as StackClient[])(
    'the judges that speak for %s agree with each other on every variant',
    (client) => {
      const split = rows
        .filter((r) => stackVerdict(r, client).accepts === null)
        .map((r) => `${r.variant.name}: ${stackVerdict(r, client).reason}`);
      expect(split).toEqual([]);
    },
  );
});

describe('differential corpus: certbench per client equals the real stack', () => {
  it.each(Object.keys(STACK_CLIENTS) as StackClient[])('%s', (client) => {
    const mismatches = compared.flatMap((r) => {
      const c = r.cells.find((x) => x.client === client);
      if (!c?.mismatch) return [];
      const cb = c.certbench.accepts ? 'accepts' : `refuses (${c.certbench.findings.join(', ')})`;
      return [
        `${r.row.variant.name}: certbench ${cb}, stack ${c.stack?.accepts ? 'accepts' : 'refuses'}: ${c.stack?.reason ?? ''}`,
      ];
    });
    expect(mismatches).toEqual([]);
  });

  it('rfc5280 refuses each rule of the issue at every position, and accepts what RFC 5280 allows', () => {
    const wrong = compared.flatMap((r) => {
      const want = r.row.variant.rfc5280Accepts;
      const got = r.cells.find((c) => c.client === 'rfc5280')?.certbench;
      return want === undefined || got?.accepts === want
        ? []
        : [
            `${r.row.variant.name}: rfc5280 ${got?.accepts ? 'accepts' : `refuses (${got?.findings.join(', ')})`}, the issue says it ${want ? 'accepts' : 'refuses'}`,
          ];
    });
    expect(wrong).toEqual([]);
  });

  it('controls are accepted by all six profiles, negative controls refused by all six', () => {
    const wrong = compared.flatMap((r) => {
      const { rule, name } = r.row.variant;
      if (rule !== 'control' && rule !== 'baseline') return [];
      return r.cells
        .filter((c) => c.certbench.accepts !== (rule === 'control'))
        .map((c) => `${name} ${c.client}: ${c.certbench.findings.join(', ')}`);
    });
    expect(wrong).toEqual([]);
  });
});
