/**
 * The revocation state of a CA folder: DIR/revoked.json, read by `certbench crl` and written by
 * `certbench revoke` and `certbench crl` (which advances its CRL number). Absent means nothing
 * revoked and no CRL issued yet. The format is revocation-list.ts's, documented in --help.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readText, writeOut } from './io.ts';
import {
  emptyRevocationList,
  formatRevocationList,
  parseRevocationList,
  type RevocationList,
} from '../pki/lifecycle/index.ts';

export const REVOKED_FILE = 'revoked.json';

/** The help paragraph every command that touches the file shows. */
export const REVOKED_FILE_HELP = `DIR/${REVOKED_FILE} is the CA's memory of revocations (created on the first revoke):
  { "format": "certbench-revocations/1",
    "crlNumber": 2,                      number of the last CRL issued (0: none yet)
    "revoked": [ { "serial": "4f1c…",     lower-case hex, no leading zero bytes
                   "subject": "CN=client-1",
                   "revokedAt": "2026-12-05T07:30:00.000Z",
                   "reason": "keyCompromise" } ] }
`;

export function revokedPath(caDir: string): string {
  return join(caDir, REVOKED_FILE);
}

export function readRevocations(caDir: string): RevocationList {
  const path = revokedPath(caDir);
  return existsSync(path) ? parseRevocationList(readText(path, 'ca-dir')) : emptyRevocationList();
}

export function writeRevocations(caDir: string, list: RevocationList): void {
  writeOut(revokedPath(caDir), formatRevocationList(list));
}
