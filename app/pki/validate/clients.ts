/**
 * The TLS clients whose verdicts validation gives (../shared/DESIGN.md habit 16: a verdict names its
 * client). Each id is stable (CLI --client, JSON, tests); the rules each one applies live in
 * client-profiles.ts.
 */

import type { ClientId } from '../verdicts.ts';

export type { ClientId, ClientVerdict } from '../verdicts.ts';

/** Every client, in the order verdicts are listed. */
export const CLIENT_IDS: readonly ClientId[] = ['rfc5280', 'openssl', 'python', 'java', 'go', 'webpki'];

export function isClientId(value: string): value is ClientId {
  return (CLIENT_IDS as readonly string[]).includes(value);
}
