/**
 * The inspect report, composed once: read everything given (files or pasted text), explain each
 * item, relate them (chains, key matches, duplicates), lint, and diagnose each leaf against the
 * other certificates given, per TLS client. Pure: plain, structured-cloneable data in and out
 * (bytes and strings in; trees, summaries and findings out). The worker's inspect operation is a
 * thin adapter around it.
 */
import {
  bindX509Crypto,
  defaultCrypto,
  readInput,
  relate,
  sharedChecks,
  type Item,
  type VerifyHelper,
} from '../pki/index.ts';
import type { ExplainedItem, InspectedItem, InspectReport, InspectRequest } from './inspect-types.ts';
import { inspected } from './inspected-item.ts';
import { diagnose } from './leaf-diagnosis.ts';
import { relationItem, relationTrees } from './relation-trees.ts';

// The report's types and limits are named from here too: importers take the whole report from this module.
export type {
  Diagnosis,
  ExplainedItem,
  InspectedItem,
  InspectedKind,
  InspectInput,
  InspectReport,
  InspectRequest,
  InspectRole,
  ReportNode,
} from './inspect-types.ts';
export { MAX_DIAGNOSES } from './leaf-diagnosis.ts';
export { MAX_CHAIN_TREES } from './relation-trees.ts';

/** How a report is made besides its request. */
export interface InspectSteps {
  /** Stops the report between inputs (the user cleared them or started another run). */
  signal?: AbortSignal;
  /**
   * Threads that can take a share of the relations' signature checks, as ready at the time of the
   * checks (the pki worker's helpers: pki/signatures/shared-verify.ts); none by default.
   */
  helpers?: () => readonly VerifyHelper[];
}

/**
 * Read everything given, explain each item, relate them, lint and diagnose. A cancelled call
 * (the user cleared the inputs or started another run) stops between inputs. Every item has its
 * tree unless `request.treesOnRequestFrom` says otherwise (then see InspectedItem.tree).
 */
export function inspectReport(
  request: InspectRequest,
  steps: InspectSteps = {},
  crypto: Crypto = bindX509Crypto(defaultCrypto()),
): Promise<InspectReport> {
  return buildReport(request, request.treesOnRequestFrom ?? Infinity, steps, crypto);
}

/** The report with every item's tree, whatever the request says: what `certbench inspect` prints. */
export async function explainedReport(
  request: InspectRequest,
  steps: InspectSteps = {},
  crypto: Crypto = bindX509Crypto(defaultCrypto()),
): Promise<InspectReport<ExplainedItem>> {
  // With no threshold every item is explained, so every `tree` is set.
  return (await buildReport(request, Infinity, steps, crypto)) as InspectReport<ExplainedItem>;
}

async function buildReport(
  request: InspectRequest,
  treesOnRequestFrom: number,
  steps: InspectSteps,
  crypto: Crypto,
): Promise<InspectReport> {
  const now = new Date();
  const items: InspectedItem[] = [];
  const certs: { out: InspectedItem; der: ArrayBuffer }[] = [];
  // CRLs given alongside take part in each leaf's diagnosis (revoked, or status unknown).
  const crls: ArrayBuffer[] = [];
  const read: Item[][] = [];
  for (const input of request.inputs) {
    steps.signal?.throwIfAborted();
    const options = request.password ? { password: request.password } : {};
    read.push(
      await readInput(
        typeof input.data === 'string'
          ? { name: input.name, text: input.data }
          : { name: input.name, bytes: input.data },
        options,
        crypto,
      ),
    );
  }
  const all = read.flat();
  // The signature checks start first and are awaited last: where WebCrypto verifies off the
  // JavaScript thread (Node's thread pool), they run while this one explains, summarises and lints.
  const related = all.flatMap((item, index) => {
    const rel = relationItem(item);
    return rel ? [{ rel, index }] : [];
  });
  const relating =
    related.length > 0
      ? relate(
          related.map((r) => r.rel),
          crypto,
          steps.helpers && sharedChecks(crypto, steps.helpers),
        )
      : undefined;
  // Should the loop below throw, the checks are abandoned, not left as an unhandled rejection.
  relating?.catch(() => undefined);
  const withTrees = all.filter((item) => item.kind === 'certificate').length < treesOnRequestFrom;
  read.forEach((group, i) =>
    group.forEach((item, j) => {
      const { out, der } = inspected(item, `${i}.${j}`, now, all, withTrees);
      items.push(out);
      if (der) certs.push({ out, der });
      if (item.kind === 'crl') crls.push(item.der);
    }),
  );
  const relations = relating
    ? relationTrees(
        await relating,
        related.map((r) => items[r.index]!),
      )
    : [];
  return { at: now.toISOString(), items, relations, diagnoses: await diagnose(certs, crls, request, now, crypto) };
}
