/**
 * The TLS clients whose verdicts validation gives (DESIGN.md habit 16: a verdict names its
 * client). Each id is stable (CLI --client, JSON, tests); the rules each one applies live in
 * client-profiles.ts.
 */

/** Which client's rules a verdict follows. */
export type ClientId = 'rfc5280' | 'openssl' | 'python' | 'java' | 'go' | 'webpki';

/** Every client, in the order verdicts are listed. */
export const CLIENT_IDS: readonly ClientId[] = ['rfc5280', 'openssl', 'python', 'java', 'go', 'webpki'];

/** One client's verdict on a chain. */
export interface ClientVerdict {
  id: ClientId;
  /** What a person calls the client, e.g. "Python 3.13+". */
  name: string;
  accepts: boolean;
  /** Codes of the errors that made it refuse (findings' codes), [] when it accepts. */
  findings: string[];
}

export function isClientId(value: string): value is ClientId {
  return (CLIENT_IDS as readonly string[]).includes(value);
}
