/**
 * The verdict tables a reviewer reads: what each real stack said about each variant, and (once
 * certbench gives per-client verdicts) certbench's verdict beside the stack's, mismatches marked.
 * Markdown, so the file renders on GitHub and reads in a terminal.
 */
import { COLUMNS, COLUMN_TITLES, type StackRow } from './stacks.ts';
import type { ComparedCell, ComparedRow } from './compare.ts';
import type { StackVerdict } from '../../../test/judges/index.ts';

/**
 * A stack's words, short enough for a table cell: the verifier's own reason without the
 * library's wrapping (TLS alerts, Java's exception chain, openssl's "error N at D depth lookup").
 */
export function shortReason(reason: string, max = 70): string {
  const verifyFailed = /certificate verify failed: (.*?) \(_ssl\.c/.exec(reason)?.[1];
  const innermost = reason.split(' <- ').pop() ?? reason;
  const parse = reason.startsWith('parse: ') && !innermost.startsWith('parse: ') ? 'parse: ' : '';
  const s = (verifyFailed ?? `${parse}${innermost}`)
    .replace(/error (\d+) at (\d+) depth lookup: /, 'e$1@$2 ')
    .replace(/ \(_ssl\.c:\d+\)/g, '')
    .replace(/^(client|server): /, '')
    .replace(/java\.security\.cert\.|sun\.security\.\w+\.\w+\./g, '')
    .replace(/\|/g, '/');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const cell = (v: StackVerdict) => (v.ok ? 'ok' : `✗ ${shortReason(v.reason)}`);

export function stackTable(rows: StackRow[]): string {
  const head = `| variant | ${COLUMNS.map((c) => COLUMN_TITLES[c]).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(COLUMNS.length + 1)}`;
  const body = rows.map((r) => `| ${r.variant.name} | ${COLUMNS.map((c) => cell(r.verdicts[c])).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Each variant's notes and every refusal in full, below the tables. */
export function stackDetails(rows: StackRow[]): string {
  return rows
    .map((r) => {
      const refusals = COLUMNS.filter((c) => !r.verdicts[c].ok).map(
        (c) => `  - ${COLUMN_TITLES[c]}: ${r.verdicts[c].reason}`,
      );
      return [
        `- **${r.variant.name}** (${r.variant.purpose}, ${r.variant.host}): ${r.variant.notes}`,
        ...refusals,
      ].join('\n');
    })
    .join('\n');
}

const verdictWord = (accepts: boolean | null) => (accepts === null ? 'split' : accepts ? 'accepts' : 'refuses');

function comparedCell(c: ComparedCell): string {
  const cb = c.certbench.accepts ? 'accepts' : `refuses (${c.certbench.findings.join(', ')})`;
  if (!c.stack) return cb;
  if (!c.mismatch) return `${c.certbench.accepts ? 'accepts' : 'refuses'} = stack`;
  return `**MISMATCH** certbench ${cb}, stack ${verdictWord(c.stack.accepts)}: ${shortReason(c.stack.reason, 50)}`;
}

/** Variant × client: certbench's verdict, "= stack" where the real stack agrees, MISMATCH where not. */
export function comparisonTable(rows: ComparedRow[]): string {
  const clients = rows[0]?.cells.map((c) => c.client) ?? [];
  const head = `| variant | ${clients.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(clients.length + 1)}`;
  const body = rows.map((r) => `| ${r.row.variant.name} | ${r.cells.map(comparedCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}
