/**
 * Batches: a node list (batch-lines.ts: one node per line, "name, then its IPs and DNS names",
 * checked up front, errors naming the line), each node issued a certificate under one CA.
 */
import type { KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { HELPER_MIN_SHARE, type LeafHelpers } from './leaf-helpers.ts';
import { loadIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
import { issueLeaf, type IssuedLeaf } from './issue.ts';
import {
  createLeafTemplate,
  issueFromTemplate,
  issueFromTemplateSync,
  type LeafTemplate,
  type TemplateLeaf,
  type TemplateLeafInput,
} from './leaf-template.ts';
import { mapInTurn } from './map-in-turn.ts';
import { sharedMap, type RemoteRunner } from './shared-map.ts';
import { unroutedCrypto } from './unrouted-crypto.ts';
import { bytesToHex } from './native-hex.ts';
import { batchEngine, type LeafEngineFactory } from './leaf-engine.ts';
import type { LeafEngine } from './leaf-maker.ts';
import { encryptPkcs8Pem } from './pkcs8.ts';
import { randomSerialsBytes } from './serial.ts';
import { pemAsciiWriter } from './pem-ascii.ts';
import { withPemText } from './pem-text-item.ts';
import { DEFAULTS } from './presets.ts';
import type { LeafProfile } from './profiles.ts';
import type { SanEntry } from './san.ts';
import { parseBatch, type BatchLine } from './batch-lines.ts';
import { checkDays, validityWindow, type ValidityWindow } from './validity.ts';

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
  /**
   * A faster engine than WebCrypto for the fast path's keys and signatures (the CLI passes Node's:
   * node-leaf-engine.ts). Used only after it proved itself for this batch (leaf-engine.ts).
   */
  engine?: LeafEngineFactory;
  /**
   * Other threads that make some of the leaves on the WebCrypto fast path (the app's leaf helper
   * workers: leaf-helpers.ts). Used for a batch on the runtime's own WebCrypto with unencrypted keys;
   * a helper that fails leaves its lines to this thread.
   */
  helpers?: LeafHelpers;
  /**
   * Keep the fast path's PEMs as ASCII bytes until they are read (pem-ascii.ts, pem-text-item.ts),
   * for a caller that sends the leaves on to another thread, which reads them there (the Cluster
   * view's worker operation). Items read the same either way.
   */
  pemAscii?: boolean;
}

export interface BatchItem extends IssuedLeaf {
  name: string;
  line: number;
}

export interface BatchResult {
  items: BatchItem[];
  /** Notes common to the batch (e.g. validity clamped), once rather than per node. */
  notes: string[];
  /** What made the certificates: the fast path on the platform's engine or on WebCrypto, or the general path. */
  engine: 'platform' | 'webcrypto' | 'general';
}

/**
 * Certificates in flight at once. Each waits on WebCrypto three times (generate, export, sign).
 * In Node each wait is a hop to libuv's pool: with 16 in flight the hops overlap and the JS
 * thread stays busy. Chromium does the work on the calling thread (leaf-helpers.ts), where calls
 * in flight save only the gaps between them. In Node (npm run bench, raw WebCrypto generate +
 * export + sign, one run): 0.79 ms/cert one at a time, 0.23 ms/cert 16 at a time; the CPU per
 * certificate also falls (0.38 -> 0.23 ms), as fewer hops find their thread asleep.
 */
export const BATCH_IN_FLIGHT = 16;

/**
 * Issue one certificate per line under `issuer`, on the DER template fast path when it proved
 * itself identical to the general path for this CA, profile and key type (leaf-template.ts), with
 * BATCH_IN_FLIGHT certificates in flight; items come back in line order. `onProgress(done, total)`
 * after each; an aborted `signal` stops starting new certificates and rejects with an
 * 'invalid-argument' error on 'nodes'.
 */
export async function issueBatch(
  text: string,
  issuer: CaMaterial,
  options: BatchOptions = {},
  crypto: Crypto = defaultCrypto(),
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BatchResult> {
  const lines = parseBatch(text, options.profile ?? 'node');
  checkDays(options.days ?? DEFAULTS.leafDays);
  return issueBatchLines(lines, await loadIssuer(issuer, crypto), options, crypto, onProgress, signal);
}

/**
 * issueBatch for a caller that already holds the parsed lines (parseBatch with the same profile)
 * and the loaded issuer, so neither is made twice: the Cluster flow checks its node list before
 * the first key and signs its clients with the same issuer (flows/cluster.ts).
 */
export async function issueBatchLines(
  lines: readonly BatchLine[],
  loaded: LoadedIssuer,
  options: BatchOptions = {},
  crypto: Crypto = defaultCrypto(),
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BatchResult> {
  const profile = options.profile ?? 'node';
  const days = checkDays(options.days ?? DEFAULTS.leafDays);
  const algorithm = options.algorithm ?? DEFAULTS.algorithm;
  // One window for the whole batch: the same clamping and note for every node.
  const window = validityWindow({ days, issuer: loaded, onOutlive: options.onOutlive });
  const template = await fastTemplate(loaded, profile, algorithm, crypto);
  const fast = template && {
    template,
    ...withPemAscii(await batchEngine(template, loaded, options.engine, crypto), options, lines.length),
    serials: randomSerialsBytes(lines.length, crypto),
    window: { ...window, notBeforeText: window.notBefore.toISOString(), notAfterText: window.notAfter.toISOString() },
  };
  const stopping = {
    ...(onProgress ? { onDone: onProgress } : {}),
    shouldStop: () => signal?.aborted === true,
    stopError: (done: number) =>
      new PkiError('invalid-argument', 'nodes', `Stopped after ${done} of ${lines.length} certificates.`),
  };
  // An engine that does not wait (Node's) issues one certificate after another, no promise each;
  // encrypting keys waits on WebCrypto, so such a batch takes the general loop.
  const engine = fast?.engine;
  if (fast && engine?.sync && !options.keyPassphrase) {
    const items = await mapInTurn(
      lines,
      (l, index) => {
        const input = leafInput(l, serialOf(fast.serials, index), fast.window);
        return fastItem(issueFromTemplateSync(fast.template, input, engine), input, fast.window, loaded, l);
      },
      stopping,
    );
    return { items, notes: window.notes, engine: fast.name };
  }
  const remotes =
    fast && !options.keyPassphrase ? helperRunners(options.helpers, fast, lines, loaded, crypto, signal) : [];
  const items = await sharedMap(
    lines,
    async (l, index): Promise<BatchItem> => {
      let made: BatchItem;
      if (fast) {
        const input = leafInput(l, serialOf(fast.serials, index), fast.window);
        made = fastItem(await issueFromTemplate(fast.template, input, fast.engine), input, fast.window, loaded, l);
      } else {
        const leaf = await issueLeaf(
          {
            profile,
            commonName: l.name,
            sans: l.sans,
            algorithm,
            days,
            notBefore: window.notBefore.toISOString(),
            onOutlive: options.onOutlive,
          },
          loaded,
          crypto,
        );
        made = Object.assign(leaf, { notes: window.notes, name: l.name, line: l.line });
      }
      if (options.keyPassphrase) made.keyPem = await encryptPkcs8Pem(made.keyPem, options.keyPassphrase, {}, crypto);
      return made;
    },
    {
      limit: BATCH_IN_FLIGHT,
      ...stopping,
      remotes,
      minShare: HELPER_MIN_SHARE,
      onLocalPace: (ms) => options.helpers?.localPace(ms),
    },
  );
  return { items, notes: window.notes, engine: fast ? fast.name : 'general' };
}

/**
 * The ready helpers as runners of this batch's lines: a share's leaves from the template's recipe,
 * described as fastItem describes the batch's own. None unless the batch is on WebCrypto's fast
 * path with the runtime's own WebCrypto (a test's Crypto, an ML-DSA key or a platform engine stays
 * on this thread).
 */
function helperRunners(
  helpers: LeafHelpers | undefined,
  fast: { template: LeafTemplate; name: 'platform' | 'webcrypto'; serials: readonly Uint8Array[]; window: BatchWindow },
  lines: readonly BatchLine[],
  issuer: LoadedIssuer,
  crypto: Crypto,
  signal: AbortSignal | undefined,
): RemoteRunner<BatchItem>[] {
  if (!helpers || fast.name !== 'webcrypto') return [];
  const { recipe } = fast.template;
  const runtime = (globalThis as { crypto?: Crypto }).crypto;
  const calls = [recipe.key.generate, recipe.signer.algorithm, recipe.signer.key.algorithm];
  if (!runtime || unroutedCrypto(crypto, calls) !== runtime) return [];
  return helpers.ready().map((helper) => ({
    weight: helper.weight(),
    overdue: () => helper.retire(),
    async run(indices) {
      const inputs = indices.map((i) => leafInput(lines[i]!, serialOf(fast.serials, i), fast.window));
      const made = await helper.make(recipe, inputs, signal);
      return made.map((leaf, k) => fastItem(leaf, inputs[k]!, fast.window, issuer, lines[indices[k]!]!));
    },
  }));
}

/**
 * The batch's engine writing its PEMs as ASCII bytes where the caller asked for them (BatchOptions
 * pemAscii): on WebCrypto, for keys that are not encrypted afterwards (an encrypted key is made
 * from the text again).
 */
function withPemAscii<E extends { engine: LeafEngine; name: 'platform' | 'webcrypto' }>(
  made: E,
  options: BatchOptions,
  leaves: number,
): E {
  if (!options.pemAscii || made.name !== 'webcrypto' || options.keyPassphrase) return made;
  return { ...made, engine: { ...made.engine, pemAscii: pemAsciiWriter(leaves) } };
}

/** The DER template for this batch, or undefined when it could not prove itself (general path then). */
async function fastTemplate(
  issuer: LoadedIssuer,
  profile: LeafProfile,
  algorithm: KeyAlgorithmId,
  crypto: Crypto,
): Promise<LeafTemplate | undefined> {
  try {
    return await createLeafTemplate(issuer, profile, algorithm, crypto);
  } catch (e) {
    if (e instanceof PkiError && e.code === 'internal') return undefined;
    throw e;
  }
}

/** The serial drawn for line `index` (one per line, drawn together). */
function serialOf(serials: readonly Uint8Array[], index: number): Uint8Array {
  const serial = serials[index];
  if (!serial) throw new PkiError('internal', 'nodes', `No serial was drawn for line ${index + 1}.`);
  return serial;
}

/** The batch's window with its two times as text, written once for every leaf. */
type BatchWindow = ValidityWindow & { notBeforeText: string; notAfterText: string };

/** A batch line's template input (its SANs kept as the line's own, mutable, as IssuedLeaf has them). */
type BatchLeafInput = Omit<TemplateLeafInput, 'spki' | 'sans'> & { sans: SanEntry[] };

function leafInput(line: BatchLine, serial: Uint8Array, window: BatchWindow): BatchLeafInput {
  return { serial, notBefore: window.notBefore, notAfter: window.notAfter, commonName: line.name, sans: line.sans };
}

/**
 * A fast-path leaf as the general path describes its leaves, with its line, made once per leaf
 * (in a worker's first clusters this runs unoptimised, so no copy or merge after). Its PEMs may be
 * ASCII bytes until read (pem-text-item.ts).
 */
function fastItem(
  leaf: Pick<TemplateLeaf, 'certPem' | 'keyPem'>,
  input: BatchLeafInput,
  window: BatchWindow,
  issuer: LoadedIssuer,
  line: BatchLine,
): BatchItem {
  return withPemText(leaf.certPem, leaf.keyPem, issuer.intermediatesPem, {
    serial: bytesToHex(input.serial),
    notBefore: window.notBeforeText,
    notAfter: window.notAfterText,
    sans: input.sans,
    notes: window.notes,
    name: line.name,
    line: line.line,
  });
}
