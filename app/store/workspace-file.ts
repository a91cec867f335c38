/**
 * The workspace as one file, to move it between browsers or keep a backup: JSON holding every
 * item, or, with a passphrase, the same JSON encrypted with PBES2 (PBKDF2-HMAC-SHA256 with
 * 600,000 iterations, AES-256-CBC), the scheme of encrypted PKCS#8 keys.
 *
 *   { "format": "certbench-workspace", "version": 1, "exportedAt": "...", "items": [ ... ] }
 *   { "format": "certbench-workspace", "version": 1, "exportedAt": "...",
 *     "encryption": "<base64 DER AlgorithmIdentifier>", "ciphertext": "<base64>" }
 *
 * Runs in the worker (PBKDF2 at 600,000 iterations takes a moment). The encryption itself is the
 * core's (app/pki/passphrase-encryption.ts): this file only frames it.
 */
// The worker's workspace operations load this; the page does not (it would pull in the whole core).
import { decryptJson, defaultCrypto, encryptJson, PkiError, type SealOptions } from '../pki/index.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import type { WorkspaceItem } from './types.ts';

export const WORKSPACE_FORMAT = 'certbench-workspace';

interface FileShape {
  format: string;
  version: number;
  exportedAt: string;
  items?: unknown[];
  encryption?: string;
  ciphertext?: string;
}

function parseShape(text: string): FileShape {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new PkiError('invalid-argument', 'file', 'This is not a certbench workspace file (it is not JSON).', {
      cause: e,
    });
  }
  const shape = parsed as Partial<FileShape> | null;
  if (!shape || typeof shape !== 'object' || shape.format !== WORKSPACE_FORMAT || typeof shape.version !== 'number') {
    throw new PkiError('invalid-argument', 'file', 'This is not a certbench workspace file.');
  }
  if (shape.version > SCHEMA_VERSION) {
    throw new PkiError(
      'invalid-argument',
      'file',
      `This workspace file was written by a newer certbench (format ${shape.version}); update certbench to read it.`,
    );
  }
  return shape as FileShape;
}

/** True when the file needs a passphrase. Throws when it is not a workspace file at all. */
export function isEncryptedWorkspaceFile(text: string): boolean {
  return parseShape(text).encryption !== undefined;
}

/** The workspace file for `items`; encrypted when `passphrase` is non-empty. */
export async function encodeWorkspaceFile(
  items: readonly WorkspaceItem[],
  passphrase: string | undefined,
  now: Date = new Date(),
  options: SealOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<string> {
  const head = { format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exportedAt: now.toISOString() };
  if (!passphrase) return `${JSON.stringify({ ...head, items }, null, 2)}\n`;
  const sealed = await encryptJson(items, passphrase, options, crypto);
  return `${JSON.stringify({ ...head, ...sealed }, null, 2)}\n`;
}

/**
 * The items of a workspace file, brought to the current schema. Items that are not items are
 * counted in `skipped`, not fatal. A wrong passphrase is a `wrong-password` PkiError.
 */
export async function decodeWorkspaceFile(
  text: string,
  passphrase: string | undefined,
  crypto: Crypto = defaultCrypto(),
): Promise<{ items: WorkspaceItem[]; skipped: number }> {
  const shape = parseShape(text);
  let raw: unknown = shape.items;
  if (shape.encryption !== undefined) {
    if (!passphrase)
      throw new PkiError('wrong-password', 'password', 'This workspace file is encrypted: enter its passphrase.');
    raw = await decryptJson(
      { encryption: shape.encryption, ciphertext: shape.ciphertext ?? '' },
      passphrase,
      {},
      crypto,
    );
  }
  if (!Array.isArray(raw)) throw new PkiError('invalid-argument', 'file', 'This workspace file holds no item list.');
  const items: WorkspaceItem[] = [];
  let skipped = 0;
  for (const value of raw) {
    const item = migrateItem(value, shape.version);
    if (item) items.push(item);
    else skipped++;
  }
  return { items, skipped };
}
