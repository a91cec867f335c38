/**
 * Every operation the worker runs, by name. Each family of operations (a registry in ops-*.ts) is
 * loaded on its first call through a dynamic import(), so the worker's first script is this map
 * and the protocol, and a view pays only for the code of the operations it calls (issue 14: the
 * worker at most 80 KiB gzipped). A new operation is a function in its registry plus its name
 * here; the compiler refuses a family whose names and registry differ.
 */
import { PkiError } from '../pki/light/index.ts';
import type { OpContext } from './protocol.ts';

type AnyHandler = (args: never, ctx: OpContext) => Promise<unknown>;
/** A registry's handler may prepare for its own calls when warmed (leaf-helper-pool.ts batchingOp). */
type WarmableHandler = AnyHandler & { warm?: () => void };

/**
 * Handlers that import their registry on first use, then call it; later calls call the registry
 * held from the first load, without another import(). `names` holds every key of the
 * registry, no more: a missing or extra name is a type error.
 */
export function lazyFamily<T extends Record<string, AnyHandler>>(
  importFamily: () => Promise<T>,
  names: { [K in keyof T]: true },
): T {
  // Once loaded, the registry is called directly: an import() of a module already evaluated
  // still resolves through the module map and its promises, which in a fresh Chromium worker took
  // a few tenths of a millisecond per call (the Cluster op's share before its flow starts).
  let loaded: T | undefined;
  const load = () => importFamily().then((family) => (loaded = family), notLoaded);
  const handlers: Record<string, AnyHandler> = {};
  for (const name of Object.keys(names)) {
    // `warm` loads the family without calling it (serve.ts answers a 'warm' request with it), then
    // lets the operation prepare for its call where it has something to prepare.
    handlers[name] = Object.assign(
      async (args: never, ctx: OpContext) => (loaded ?? (await load()))[name]!(args, ctx),
      {
        warm: () => load().then((family) => (family[name] as WarmableHandler).warm?.()),
      },
    );
  }
  return handlers as T;
}

/**
 * A family's code did not load: offline before the service worker stored it, or certbench was
 * deployed again while this page was open and the old files are gone. Said in words, not as an
 * internal error.
 */
function notLoaded(e: unknown): never {
  const detail = e instanceof Error ? e.message : String(e);
  throw new PkiError(
    'internal',
    '',
    `certbench could not load the code for this step (${detail}). If certbench was updated since this page was opened, reload the page.`,
    { cause: e },
  );
}

/**
 * The Reflect polyfill, loaded and run before a family whose code reaches @peculiar/x509 (its
 * decorators need Reflect.metadata when its module is evaluated). Awaited first, so the order
 * holds whatever chunks the bundler makes.
 */
function afterReflect<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => {
    await import('reflect-metadata');
    return load();
  };
}

const KEY_ALGORITHM_OPS = lazyFamily(async () => (await import('./ops-key-algorithms.ts')).KEY_ALGORITHM_OPS, {
  keyAlgorithms: true,
});
const PKI_OPS = lazyFamily(
  afterReflect(async () => (await import('./ops-pki.ts')).PKI_OPS),
  { createCa: true, issueCertificate: true, readCsr: true, signCsr: true, importCa: true, setUpCluster: true },
);
const WORKSPACE_OPS = lazyFamily(
  afterReflect(async () => (await import('./ops-workspace.ts')).WORKSPACE_OPS),
  { exportWorkspace: true, importWorkspace: true, wrapLockKey: true, unwrapLockKey: true },
);
const INSPECT_OPS = lazyFamily(
  afterReflect(async () => (await import('./ops-inspect.ts')).INSPECT_OPS),
  { inspect: true, inspectTree: true },
);
const EXPORT_OPS = lazyFamily(
  afterReflect(async () => (await import('./ops-export.ts')).EXPORT_OPS),
  { exportKey: true, exportKeystore: true, exportTruststore: true, exportBundle: true },
);
const LIFECYCLE_OPS = lazyFamily(
  afterReflect(async () => (await import('./ops-lifecycle.ts')).LIFECYCLE_OPS),
  { renewCertificate: true, renewCluster: true, revokeCertificate: true, issueCrl: true, rotateCa: true },
);

export const OPS = {
  ...KEY_ALGORITHM_OPS,
  ...PKI_OPS,
  ...WORKSPACE_OPS,
  ...INSPECT_OPS,
  ...EXPORT_OPS,
  ...LIFECYCLE_OPS,
};

export type Ops = typeof OPS;
export type OpName = keyof Ops;
export type OpArgs<K extends OpName> = Parameters<Ops[K]>[0];
export type OpResult<K extends OpName> = Awaited<ReturnType<Ops[K]>>;
