/**
 * Schema versions of a persisted or exported workspace item, and the steps between them.
 * Every record carries the version it was written with, so records written by an older tab
 * (or found in an older workspace file) are brought up to date one by one when read.
 *
 * v0: the first shape (before release): `created` as epoch milliseconds, no `updatedAt`, and the
 *     list facts at the top level (`subject`, `notAfter`) rather than under `meta`.
 * v1: ISO `createdAt`/`updatedAt`, facts under `meta`.
 */
import { ITEM_KINDS, type ItemKind, type ItemMeta, type WorkspaceItem } from './types.ts';

export const SCHEMA_VERSION = 1;

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function v0ToV1(raw: Raw): Raw {
  const created = typeof raw.created === 'number' ? new Date(raw.created).toISOString() : str(raw.createdAt);
  const meta: Raw = isObject(raw.meta) ? { ...raw.meta } : {};
  for (const key of ['subject', 'notAfter', 'profile'] as const) {
    if (typeof raw[key] === 'string' && meta[key] === undefined) meta[key] = raw[key];
  }
  const { created: _c, subject: _s, notAfter: _n, profile: _p, ...rest } = raw;
  return { ...rest, createdAt: created, updatedAt: str(raw.updatedAt) ?? created, meta };
}

const STEPS: ReadonlyArray<(raw: Raw) => Raw> = [v0ToV1];

function cleanMeta(v: unknown): ItemMeta {
  if (!isObject(v)) return {};
  const meta: ItemMeta = {};
  for (const key of ['subject', 'issuer', 'serial', 'notBefore', 'notAfter', 'profile', 'keyAlgorithm', 'layout', 'target', 'source'] as const) {
    const s = str(v[key]);
    if (s !== undefined) meta[key] = s;
  }
  for (const key of ['sans', 'members'] as const) {
    const list = v[key];
    if (Array.isArray(list)) meta[key] = list.filter((x): x is string => typeof x === 'string');
  }
  return meta;
}

/**
 * Bring one stored item from `fromVersion` to SCHEMA_VERSION and check its shape. Returns
 * undefined for a record that is not an item (damaged, or written by a newer certbench).
 */
export function migrateItem(value: unknown, fromVersion: number): WorkspaceItem | undefined {
  if (!isObject(value) || !Number.isInteger(fromVersion) || fromVersion < 0 || fromVersion > SCHEMA_VERSION) return undefined;
  let raw = value;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) raw = STEPS[v]?.(raw) ?? raw;
  const id = str(raw.id);
  const kind = str(raw.kind);
  const createdAt = str(raw.createdAt);
  if (!id || !kind || !ITEM_KINDS.includes(kind as ItemKind) || !createdAt || Number.isNaN(Date.parse(createdAt))) return undefined;
  const item: WorkspaceItem = {
    id,
    kind: kind as ItemKind,
    name: str(raw.name) ?? id,
    createdAt,
    updatedAt: str(raw.updatedAt) ?? createdAt,
    pem: str(raw.pem) ?? '',
    meta: cleanMeta(raw.meta),
  };
  const keyPem = str(raw.keyPem);
  const chainPem = str(raw.chainPem);
  const parentId = str(raw.parentId);
  if (keyPem) item.keyPem = keyPem;
  if (chainPem) item.chainPem = chainPem;
  if (parentId) item.parentId = parentId;
  return item;
}
