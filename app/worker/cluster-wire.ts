/**
 * The Cluster operation's result as it crosses the worker boundary: the leaves of each side as
 * columns (an array per field) instead of one object per leaf with its facts and SANs nested in it,
 * and the page's ClusterResult rebuilt from them by decodeClusterWire (client.ts does it for every
 * caller, the bench's benchCall too).
 *
 * Why: a structured clone writes every property name of every object, and a 100-node cluster sent
 * some 700 objects (leaf, facts, SAN entries); in a fresh worker, serialising them was about 1 ms of
 * the worker's thread per cluster, beside the objects the worker made only to send them. Leaves of
 * one batch share all their facts but subject, serial and SANs (batch-meta.ts), so those are sent
 * once per side as a model.
 *
 * Contract: decodeLeafColumns and decodeClusterWire use nothing but each other and their arguments
 * (no imports, no other module code), so their source text alone is a working decoder: the bench
 * installs them in a page by their text (wireDecodersSource; cluster-wire.test.ts holds the
 * text to the functions).
 */
import type { SanKind } from '../pki/light/index.ts';
import type { ItemMeta } from '../store/types.ts';
import type { ClusterResult } from './pki-contract.ts';

/** The leaves of one side (nodes or clients), in order: leaf i is entry i of every column. */
export interface LeafColumns {
  names: string[];
  /**
   * Each leaf's certificate PEM: text, or its ASCII bytes, a view into a slab sent with the
   * result (pki/pem-ascii.ts); the decoder reads each slab once and cuts the PEMs from it.
   */
  certPems: (string | Uint8Array)[];
  /** Each leaf's key PEM, as certPems. */
  keyPems: (string | Uint8Array)[];
  /** The issuer's serial of each leaf, lower-case hex (the facts' serial when derived). */
  serials: string[];
  /** Each leaf's notes (a batch shares one array, which the clone sends once). */
  notes: string[][];
  /** SANs, flattened: leaf i has sanCounts[i] entries, the next ones of sanKinds and sanValues. */
  sanCounts: number[];
  sanKinds: SanKind[];
  sanValues: string[];
  /**
   * The leaves' workspace facts: `model` when each leaf's are the model's with its own subject
   * (`CN=` its name), serial and SANs (none: no `sans`), else `each`, one per leaf as they are.
   */
  facts: { model: ItemMeta } | { each: ItemMeta[] };
}

/** ClusterResult with its two lists of leaves as columns. */
export interface ClusterWire extends Omit<ClusterResult, 'nodes' | 'clients'> {
  nodes: LeafColumns;
  clients: LeafColumns;
}

/** A leaf as the Cluster flow hands it over (flows/cluster.ts ClusterLeaf's fields the page gets). */
export interface WireLeaf {
  name: string;
  certPem: string;
  keyPem: string;
  serial: string;
  sans: readonly { kind: SanKind; value: string }[];
  notes: string[];
}

/** A leaf's PEMs still held as ASCII bytes (pki/pem-text-item.ts pemAsciiOfItem), each where held so. */
export type AsciiPemsOf = (leaf: WireLeaf) => { cert?: Uint8Array; key?: Uint8Array } | undefined;

/**
 * One side's leaves as columns, with their facts (batch-meta.ts batchLeafFacts); a PEM that
 * `asciiOf` gives as bytes goes as those bytes (the caller transfers their slabs).
 */
export function leafColumns(
  leaves: readonly WireLeaf[],
  facts: LeafColumns['facts'],
  asciiOf: AsciiPemsOf = () => undefined,
): LeafColumns {
  const c: LeafColumns = {
    names: [],
    certPems: [],
    keyPems: [],
    serials: [],
    notes: [],
    sanCounts: [],
    sanKinds: [],
    sanValues: [],
    facts,
  };
  for (const l of leaves) {
    const ascii = asciiOf(l);
    c.names.push(l.name);
    c.certPems.push(ascii?.cert ?? l.certPem);
    c.keyPems.push(ascii?.key ?? l.keyPem);
    c.serials.push(l.serial);
    c.notes.push(l.notes);
    c.sanCounts.push(l.sans.length);
    for (const san of l.sans) {
      c.sanKinds.push(san.kind);
      c.sanValues.push(san.value);
    }
  }
  return c;
}

/** The leaves one side's columns describe (uses nothing but its argument: see the module comment). */
export function decodeLeafColumns(c: LeafColumns): ClusterResult['nodes'] {
  const model = 'model' in c.facts ? c.facts.model : undefined;
  const each = 'each' in c.facts ? c.facts.each : undefined;
  const n = c.names.length;
  // Columns that do not line up would give some leaf another's PEM, no facts or empty SANs: the
  // client turns this throw into an internal error rather than let the workspace save them.
  const lengths = [c.certPems, c.keyPems, c.serials, c.notes, c.sanCounts, ...(each ? [each] : [])].map(
    (a) => a.length,
  );
  if (!model && !each) throw new Error('the leaves carry no facts');
  if (lengths.some((l) => l !== n)) throw new Error(`columns of ${lengths.join(', ')} entries for ${n} leaves`);
  if (c.sanKinds.length !== c.sanValues.length)
    throw new Error(`${c.sanKinds.length} SAN kinds for ${c.sanValues.length} values`);
  // PEMs sent as ASCII bytes: each slab decoded once, up to the last byte a PEM uses, and each
  // PEM a slice of that text (one byte is one character in ASCII).
  const used = new Map<ArrayBufferLike, number>();
  for (const pem of [...c.certPems, ...c.keyPems])
    if (typeof pem !== 'string') {
      if (pem.byteLength === 0) throw new Error('a PEM arrived empty');
      used.set(pem.buffer, Math.max(used.get(pem.buffer) ?? 0, pem.byteOffset + pem.byteLength));
    }
  const slabs = new Map<ArrayBufferLike, string>();
  if (used.size) {
    const decoder = new TextDecoder();
    for (const [buffer, end] of used) slabs.set(buffer, decoder.decode(new Uint8Array(buffer, 0, end)));
  }
  const text = (pem: string | Uint8Array): string =>
    typeof pem === 'string' ? pem : slabs.get(pem.buffer)!.slice(pem.byteOffset, pem.byteOffset + pem.byteLength);
  const out = new Array<ClusterResult['nodes'][number]>(n);
  let s = 0;
  for (let i = 0; i < out.length; i++) {
    const name = c.names[i]!;
    const count = c.sanCounts[i]!;
    const sans = new Array<NonNullable<ItemMeta['sans']>[number]>(count);
    for (let k = 0; k < count; k++, s++) sans[k] = { kind: c.sanKinds[s]!, value: c.sanValues[s]! };
    let meta: ItemMeta;
    if (model) {
      meta = { ...model, subject: `CN=${name}`, serial: c.serials[i]! };
      if (count) meta.sans = sans;
      else delete meta.sans;
    } else meta = each![i]!;
    out[i] = { name, certPem: text(c.certPems[i]!), keyPem: text(c.keyPems[i]!), meta, notes: c.notes[i]! };
  }
  if (s !== c.sanKinds.length) throw new Error(`the leaves count ${s} SANs, the columns hold ${c.sanKinds.length}`);
  return out;
}

/** The ClusterResult the worker's columns describe (uses nothing but decodeLeafColumns and its argument). */
export function decodeClusterWire(wire: ClusterWire): ClusterResult {
  const { nodes, clients, ...rest } = wire;
  return { ...rest, nodes: decodeLeafColumns(nodes), clients: decodeLeafColumns(clients) };
}

/**
 * The decoders' source, one statement each, for a page that runs them without this module (the
 * bench's benchCall, app/bench/browser.ts): evaluated, it declares decodeLeafColumns and
 * decodeClusterWire.
 */
export function wireDecodersSource(): string {
  return [decodeLeafColumns, decodeClusterWire].map(String).join('\n');
}
