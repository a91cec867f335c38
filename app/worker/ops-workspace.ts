/**
 * Worker operations for the workspace file and the key lock's passphrase (PBKDF2 at 600,000
 * iterations, and the core that does it, are not for the page).
 */
import { unwrapLockKey, wrapLockKey } from '../pki/index.ts';
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../store/workspace-file.ts';
import type { WorkspaceItem } from '../store/types.ts';

function exportWorkspace(args: { items: WorkspaceItem[]; passphrase?: string }): Promise<string> {
  return encodeWorkspaceFile(args.items, args.passphrase);
}

function importWorkspace(args: {
  text: string;
  passphrase?: string;
}): Promise<{ items: WorkspaceItem[]; skipped: number }> {
  return decodeWorkspaceFile(args.text, args.passphrase);
}

export const WORKSPACE_OPS = { exportWorkspace, importWorkspace, wrapLockKey, unwrapLockKey };
