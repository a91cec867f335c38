// Issue 8, Acceptance: the differential corpus judged by the real TLS stacks installed here.
// The table goes to .ci/out/differential.md (printed below); NOTES for the profile authors quote it.
//   npx vitest run app/pki/validate/differential/differential.test.ts
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { differentialCorpus } from './corpus.ts';
import { handshakePeer } from './handshake-peer.ts';
import { judgeWithStacks, stackVerdict, STACK_CLIENTS, type StackClient, type StackRow } from './stacks.ts';
import { stackDetails, stackTable } from './table.ts';

const TABLE_FILE = resolve('.ci/out/differential.md');

let rows: StackRow[];
beforeAll(async () => {
  rows = await judgeWithStacks(await differentialCorpus(), await handshakePeer());
  const text = ['# Differential corpus: real stacks', '', stackTable(rows), '', '## Notes and full reasons', '', stackDetails(rows), ''].join('\n');
  mkdirSync(resolve('.ci/out'), { recursive: true });
  writeFileSync(TABLE_FILE, text);
  console.log(`differential table: ${TABLE_FILE}\n${stackTable(rows)}`);
}, 600_000);

describe('differential corpus: the real stacks', () => {
  it('holds at least 60 variants, each rule at root, intermediate and leaf where it applies', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const positions = (rule: string) => rows.filter((r) => r.variant.rule === rule).map((r) => r.variant.position).sort();
    expect(positions('serial-zero')).toEqual(['intermediate', 'leaf', 'root']);
    expect(positions('aki-critical')).toEqual(['intermediate', 'leaf', 'root']);
    expect(positions('duplicate-extension')).toEqual(['intermediate', 'leaf', 'root']);
  });

  it('controls are accepted by every stack; negative controls refused by every stack', () => {
    const wrong = rows.flatMap((r) => {
      if (r.variant.rule !== 'control' && r.variant.rule !== 'baseline') return [];
      const want = r.variant.rule === 'control';
      return Object.entries(r.verdicts).filter(([, v]) => v.ok !== want).map(([c, v]) => `${r.variant.name} ${c}: ${v.reason}`);
    });
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(STACK_CLIENTS) as StackClient[])('the judges that speak for %s agree with each other on every variant', (client) => {
    const split = rows.filter((r) => stackVerdict(r, client).accepts === null).map((r) => `${r.variant.name}: ${stackVerdict(r, client).reason}`);
    expect(split).toEqual([]);
  });
});
