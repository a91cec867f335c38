/** Worker operations for the workspace file (PBKDF2 at 600,000 iterations is too slow for the page). */
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

export const WORKSPACE_OPS = { exportWorkspace, importWorkspace };
