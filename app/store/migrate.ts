/**
 * Schema versions of a persisted or exported workspace item, and the steps between them.
 * Every record carries the version it was written with, so records written by an older tab
 * (or found in an older workspace file) are brought up to date one by one when read.
 *
 * v0: the first shape (before release): `created` as epoch milliseconds, no `updatedAt`, and the
 *     list facts at the top level (`subject`, `notAfter`) rather than under `meta`.
 * v1: ISO `createdAt`/`updatedAt`, facts under `meta`.
 * v2: `meta.sans` typed (`{ kind, value }` SanEntry). v1 stored text in two shapes: issuing wrote
 *     openssl-style "DNS:db-1"/"IP:10.0.0.1", Inspect wrote bare values ("db-1", "10.0.0.1"); a
 *     later reader that guessed the kind from the text named hosts "DNS:db-1" in exported bundles.
 * Also v2, optional and additive (no step): `meta.revocations` on a CA (revocation-list.ts, checked
 * on read; a damaged list is dropped) and `meta.supersededBy` on a renewed certificate.
 */
import { parseRevocationList, parseSan, type RevocationList, type SanEntry, type SanKind } from '../pki/light/index.ts';
import { isLayoutId } from '../layouts/layout-ids.ts';
import { isTargetId } from '../targets/index.ts';
import {
  ITEM_KINDS,
  ITEM_PROFILES,
  type ItemKind,
  type ItemMeta,
  type ItemProfile,
  type WorkspaceItem,
} from './types.ts';

export const SCHEMA_VERSION = 2;

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

/**
 * A v1 SAN text as a SanEntry: the prefix fixes the kind, a bare value is detected the way the
 * SAN field detects it (core parseSan). Undefined for what certbench has no SAN kind for (a
 * directory name Inspect listed): the list facts are a cache of the PEM, which still holds it.
 */
function sanFromV1Text(text: string): SanEntry | undefined {
  try {
    return parseSan(text.trim());
  } catch {
    return undefined;
  }
}

function v1ToV2(raw: Raw): Raw {
  if (!isObject(raw.meta) || !Array.isArray(raw.meta.sans)) return raw;
  const sans = raw.meta.sans.flatMap((s) => (typeof s === 'string' ? (sanFromV1Text(s) ?? []) : []));
  return { ...raw, meta: { ...raw.meta, sans } };
}

const STEPS: ReadonlyArray<(raw: Raw) => Raw> = [v0ToV1, v1ToV2];

const SAN_KINDS: readonly SanKind[] = ['dns', 'ip', 'email', 'uri'];

function isSanEntry(v: unknown): v is SanEntry {
  return isObject(v) && typeof v.value === 'string' && SAN_KINDS.includes(v.kind as SanKind);
}

/** A CA's revocation list as revocation-list.ts reads it, or undefined when it is not one. */
function revocationsOf(v: unknown): RevocationList | undefined {
  if (v === undefined) return undefined;
  try {
    return parseRevocationList(JSON.stringify(v));
  } catch {
    return undefined;
  }
}

function cleanMeta(v: unknown): ItemMeta {
  if (!isObject(v)) return {};
  const meta: ItemMeta = {};
  for (const key of [
    'subject',
    'issuer',
    'serial',
    'notBefore',
    'notAfter',
    'keyAlgorithm',
    'cluster',
    'source',
    'supersededBy',
  ] as const) {
    const s = str(v[key]);
    if (s !== undefined) meta[key] = s;
  }
  // Unions keep only their members: a value written by a newer certbench is left out, not trusted.
  const profile = str(v.profile);
  if (profile !== undefined && ITEM_PROFILES.includes(profile as ItemProfile)) meta.profile = profile as ItemProfile;
  const layout = str(v.layout);
  if (layout !== undefined && isLayoutId(layout)) meta.layout = layout;
  const target = str(v.target);
  if (target !== undefined && isTargetId(target)) meta.target = target;
  const cassandraFormat = str(v.cassandraFormat);
  if (cassandraFormat === 'pem' || cassandraFormat === 'pkcs12') meta.cassandraFormat = cassandraFormat;
  if (Array.isArray(v.members)) meta.members = v.members.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(v.sans)) meta.sans = v.sans.filter(isSanEntry).map((s) => ({ kind: s.kind, value: s.value }));
  const revocations = revocationsOf(v.revocations);
  if (revocations) meta.revocations = revocations;
  return meta;
}

/**
 * Bring one stored item from `fromVersion` to SCHEMA_VERSION and check its shape. Returns
 * undefined for a record that is not an item (damaged, or written by a newer certbench).
 */
export function migrateItem(value: unknown, fromVersion: number): WorkspaceItem | undefined {
  if (!isObject(value) || !Number.isInteger(fromVersion) || fromVersion < 0 || fromVersion > SCHEMA_VERSION)
    return undefined;
  let raw = value;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) raw = STEPS[v]?.(raw) ?? raw;
  const id = str(raw.id);
  const kind = str(raw.kind);
  const createdAt = str(raw.createdAt);
  if (!id || !kind || !ITEM_KINDS.includes(kind as ItemKind) || !createdAt || Number.isNaN(Date.parse(createdAt)))
    return undefined;
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
