/**
 * certbench's verdict per client beside the real stack's, per variant. rfc5280 and webpki have
 * no stack here: their cells hold certbench's verdict alone (webpki's rules are written from the
 * rustls-webpki source, see client-profiles.ts).
 */
import type { ClientId, ClientVerdict } from '../clients.ts';
import { STACK_CLIENTS, stackVerdict, type StackClient, type StackRow } from './stacks.ts';

export interface ComparedCell {
  client: ClientId;
  certbench: ClientVerdict;
  /** The stack's verdict; undefined for clients without a stack, null when the stack's judges split. */
  stack?: { accepts: boolean | null; reason: string };
  /** certbench and the stack disagree (always false without a stack). */
  mismatch: boolean;
}

export interface ComparedRow {
  row: StackRow;
  cells: ComparedCell[];
}

const hasStack = (id: ClientId): id is StackClient => id in STACK_CLIENTS;

export function compare(row: StackRow, clients: ClientVerdict[]): ComparedRow {
  return {
    row,
    cells: clients.map((certbench) => {
      if (!hasStack(certbench.id)) return { client: certbench.id, certbench, mismatch: false };
      const stack = stackVerdict(row, certbench.id);
      return { client: certbench.id, certbench, stack, mismatch: stack.accepts !== certbench.accepts };
    }),
  };
}

/** Per client with a stack: how many variants agree, of how many. */
export function agreement(rows: ComparedRow[]): Record<StackClient, { agree: number; total: number }> {
  const out = {} as Record<StackClient, { agree: number; total: number }>;
  for (const id of Object.keys(STACK_CLIENTS) as StackClient[]) {
    const cells = rows.map((r) => r.cells.find((c) => c.client === id)).filter((c): c is ComparedCell => Boolean(c));
    out[id] = { agree: cells.filter((c) => !c.mismatch).length, total: cells.length };
  }
  return out;
}
