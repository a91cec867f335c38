/**
 * Results that cross the worker boundary in a compact form, and how the page reads each back: the
 * client applies the op's decoder before resolving (client.ts), so every caller gets the plain
 * result the view works with. An op not listed here answers as it is.
 */
import { decodeClusterWire, wireDecodersSource } from './cluster-wire.ts';
import type { OpName, OpResult } from './ops.ts';

export const PAGE_DECODERS = {
  setUpCluster: decodeClusterWire,
} satisfies { [K in OpName]?: (wire: OpResult<K>) => unknown };

/** What a call of `op` resolves with in the page. */
export type PageResult<K extends OpName> = K extends keyof typeof PAGE_DECODERS
  ? ReturnType<(typeof PAGE_DECODERS)[K]>
  : OpResult<K>;

/** The decoder for `op`'s result, or undefined when it answers as it is. */
export function pageDecoder(op: string): ((wire: never) => unknown) | undefined {
  return Object.hasOwn(PAGE_DECODERS, op) ? PAGE_DECODERS[op as keyof typeof PAGE_DECODERS] : undefined;
}

/**
 * PAGE_DECODERS as source text: evaluated, an object of the same decoders by op. For a page that
 * talks to the worker without this module (the bench's benchCall, app/bench/browser.ts), so the
 * bench's figure includes the decoding every caller of the client pays.
 */
export function pageDecodersSource(): string {
  const entries = Object.entries(PAGE_DECODERS).map(([op, decode]) => `${JSON.stringify(op)}: ${decode.name}`);
  // tsx (the bench's runtime) compiles with esbuild's keepNames, which wraps every named inner
  // function in a module-level __name(fn, name) call; the text brings its own, so it stands alone.
  return `(() => {\nconst __name = (fn) => fn;\n${wireDecodersSource()}\nreturn { ${entries.join(', ')} };\n})()`;
}
