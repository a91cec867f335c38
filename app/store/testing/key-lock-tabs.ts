/**
 * Test kit of the key lock's tests: tabs over one RecordStore, a workspace made by the core, and a
 * search of everything stored for a private key in any of its encodings.
 */
import { expect } from 'vitest';
import {
  createRootCa,
  exportPkcs8Pem,
  generateKeyPair,
  issueLeaf,
  isPkiError,
  unwrapLockKey,
  wrapLockKey,
} from '../../pki/index.ts';
import { createAppStore, type AppStore } from '../create-store.ts';
import { setLockKeyWrapping } from '../key-lock-wrapping.ts';
import { memoryRecordStore, type RecordStore } from '../record-store.ts';
import type { NewItem, WorkspaceItem } from '../types.ts';

export const PASS = 'correct horse battery';
/** Few PBKDF2 iterations: these tests judge what is stored, not the cost (the app uses 600,000). */
export const ITERATIONS = 1000;

// In this thread, as the worker runs them for the page.
setLockKeyWrapping({ wrap: wrapLockKey, unwrap: unwrapLockKey });

const opened: AppStore[] = [];
let channelCount = 0;

/** A channel name no other tab uses: tabs opened on the same one hear each other. */
export function newChannel(): string {
  return `lock-${process.pid}-${channelCount++}`;
}

/** Close every tab opened so far (call in afterEach). */
export function disposeTabs(): void {
  for (const t of opened.splice(0)) t.dispose();
}

export type Records = ReturnType<typeof memoryRecordStore>;

/** A tab over `records`, hydrated; on a channel of its own unless `channelName` joins it to others. */
export async function tab(records: RecordStore, channelName = newChannel()): Promise<AppStore> {
  const t = createAppStore({ records, channelName, lockIterations: ITERATIONS });
  opened.push(t);
  await t.hydration;
  return t;
}

/** A root CA, a leaf it issued and a bare key, all made by the core, as workspace items. */
export async function workspaceItems(): Promise<NewItem[]> {
  const ca = await createRootCa({ subject: { commonName: 'Lock Test Root' } });
  const leaf = await issueLeaf({ profile: 'node', commonName: 'db-1', sans: 'db-1 10.0.0.1' }, ca);
  const pair = await generateKeyPair('p256');
  const keyPem = await exportPkcs8Pem(pair.privateKey);
  return [
    { kind: 'ca', name: 'Lock Test Root', pem: ca.certPem, keyPem: ca.keyPem, meta: { profile: 'root' } },
    { kind: 'certificate', name: 'db-1', pem: leaf.certPem, keyPem: leaf.keyPem, meta: { profile: 'node' } },
    { kind: 'key', name: 'spare key', pem: keyPem, meta: { keyAlgorithm: 'ECDSA P-256' } },
  ];
}

export function keysOf(items: readonly NewItem[]): string[] {
  return items.flatMap((i) => (i.kind === 'key' ? [i.pem] : i.keyPem ? [i.keyPem] : []));
}

/** The DER body of a PEM as base64 on one line, and as hex. */
function encodings(pem: string): string[] {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(base64, 'base64');
  return [pem, base64, base64.slice(20, 84), der.toString('hex'), der.toString('latin1').slice(10, 60)];
}

/** Every string held by the stored records (the values IndexedDB is handed), joined. */
export function rawText(records: Records): string {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk([...records.records.values()]);
  return strings.join('\u0000');
}

export function expectNoKeyIn(records: Records, keys: readonly string[]): void {
  const text = rawText(records);
  for (const key of keys) for (const form of encodings(key)) expect(text.includes(form)).toBe(false);
}

export function byName(t: AppStore, name: string): WorkspaceItem {
  const item = Object.values(t.store.getState().items).find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name}`);
  return item;
}

/** A workspace of workspaceItems() saved by one tab, then locked with PASS by it. */
/** A workspace locked by tab `a`; pass `channel` to open more tabs that hear it. */
export async function lockedWorkspace(channel = newChannel()) {
  const records = memoryRecordStore();
  const a = await tab(records, channel);
  const made = await workspaceItems();
  a.store.getState().addItems(made);
  await a.storage.flush();
  await a.store.getState().setKeyPassphrase(PASS);
  await a.storage.flush();
  return { records, a, made, keys: keysOf(made) };
}

export async function wrongPassphraseError(run: Promise<unknown>) {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPkiError(error) && { code: error.code, field: error.field }).toEqual({
    code: 'wrong-password',
    field: 'password',
  });
}
