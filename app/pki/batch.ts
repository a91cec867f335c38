/**
 * Batches: a list of nodes, one per line ("name, then its IPs and DNS names"), each issued a
 * certificate under one CA. Lines are checked up front so a typo on line 40 fails before 39 keys
 * were made; errors name the line.
 */
import type { KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { loadIssuer, type CaMaterial } from './issuer.ts';
import { issueLeaf, leafSans, type IssuedLeaf } from './issue.ts';
import { DEFAULTS } from './presets.ts';
import type { LeafProfile } from './profiles.ts';
import { parseSans, type SanEntry } from './san.ts';
import { checkDays } from './validity.ts';

export interface BatchLine {
  /** 1-based line number in the input. */
  line: number;
  /** The node's name: its CN, and its folder name in the CLI. */
  name: string;
  /** SANs as they go into the certificate (the name first when it is a host or IP). */
  sans: SanEntry[];
}

/** Longest batch, to keep a paste from freezing the page. */
export const MAX_BATCH = 10_000;

function lineError(line: number, message: string, cause?: unknown): PkiError {
  return new PkiError('invalid-argument', 'nodes', `line ${line}: ${message}`, { cause });
}

/**
 * Parse a node list. Blank lines and `#` comments are skipped; a line is a name followed by
 * SANs separated by spaces or commas. Names are unique and safe as folder names.
 */
export function parseBatch(text: string, profile: LeafProfile = 'node'): BatchLine[] {
  const out: BatchLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (!content) return;
    const [name = '', ...rest] = content.split(/[\s,;]+/);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) || /^\.+$/.test(name)) {
      throw lineError(line, `"${name}" is not a usable node name (letters, digits, ".", "_" and "-", up to 64, as it also names the node's folder)`);
    }
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) throw lineError(line, `"${name}" is already on line ${first}`);
    seen.set(lower, line);
    try {
      out.push({ line, name, sans: leafSans(profile, name, parseSans(rest.join(' '))) });
    } catch (e) {
      if (e instanceof PkiError) throw lineError(line, e.message, e);
      throw e;
    }
  });
  if (out.length === 0) throw new PkiError('invalid-argument', 'nodes', 'The node list is empty: write one node per line, its name then its IPs and DNS names.');
  if (out.length > MAX_BATCH) throw new PkiError('input-too-large', 'nodes', `At most ${MAX_BATCH} nodes per batch, got ${out.length}.`);
  return out;
}

export interface BatchOptions {
  /** Default 'node'. */
  profile?: LeafProfile;
  /** Default 'p256'. */
  algorithm?: KeyAlgorithmId;
  /** Default 365. */
  days?: number;
  onOutlive?: 'clamp' | 'error';
  /** Encrypt each key under this passphrase. */
  keyPassphrase?: string;
}

export interface BatchItem extends IssuedLeaf {
  name: string;
  line: number;
}

export interface BatchResult {
  items: BatchItem[];
  /** Notes common to the batch (e.g. validity clamped), once rather than per node. */
  notes: string[];
}

/**
 * Issue one certificate per line under `issuer`. `onProgress(done, total)` after each; an
 * aborted `signal` stops between certificates with an 'invalid-argument' error on 'nodes'.
 */
export async function issueBatch(
  text: string,
  issuer: CaMaterial,
  options: BatchOptions = {},
  crypto: Crypto = defaultCrypto(),
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BatchResult> {
  const profile = options.profile ?? 'node';
  const lines = parseBatch(text, profile);
  const days = checkDays(options.days ?? DEFAULTS.leafDays);
  const loaded = await loadIssuer(issuer, crypto);
  const items: BatchItem[] = [];
  const notes = new Set<string>();
  for (const l of lines) {
    if (signal?.aborted) throw new PkiError('invalid-argument', 'nodes', `Stopped after ${items.length} of ${lines.length} certificates.`);
    const leaf = await issueLeaf(
      { profile, commonName: l.name, sans: l.sans, algorithm: options.algorithm, days, onOutlive: options.onOutlive, keyPassphrase: options.keyPassphrase },
      loaded,
      crypto,
    );
    leaf.notes.forEach((n) => notes.add(n));
    items.push({ ...leaf, name: l.name, line: l.line });
    onProgress?.(items.length, lines.length);
  }
  return { items, notes: [...notes] };
}
