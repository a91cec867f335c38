/**
 * Every operation the worker runs, by name. Features' registries are spread in; a new
 * operation is a function in its registry and nothing here changes.
 */
import { EXPORT_OPS } from './ops-export.ts';
import { INSPECT_OPS } from './ops-inspect.ts';
import { PKI_OPS } from './ops-pki.ts';
import { WORKSPACE_OPS } from './ops-workspace.ts';
import { LIFECYCLE_OPS } from './ops-lifecycle.ts';

export const OPS = { ...PKI_OPS, ...WORKSPACE_OPS, ...INSPECT_OPS, ...EXPORT_OPS, ...LIFECYCLE_OPS };

export type Ops = typeof OPS;
export type OpName = keyof Ops;
export type OpArgs<K extends OpName> = Parameters<Ops[K]>[0];
export type OpResult<K extends OpName> = Awaited<ReturnType<Ops[K]>>;
