/**
 * What a validation returns, as types only: each client's verdict, why a client refuses, and the
 * result that carries them. They sit below both the validator (validate/, which makes them) and
 * the words about them (diagnose/client-words.ts), so neither module needs the other
 * (a test holds app/pki's modules free of import cycles: module-cycles.test.ts).
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from './findings.ts';
import type { Position } from './lint/rule.ts';

/** Which client's rules a verdict follows (the ids and their rules: validate/clients.ts, client-profiles.ts). */
export type ClientId = 'rfc5280' | 'openssl' | 'python' | 'java' | 'go' | 'webpki';

/** One client's verdict on a chain. */
export interface ClientVerdict {
  id: ClientId;
  /** What a person calls the client, e.g. "Python 3.13+". */
  name: string;
  accepts: boolean;
  /** Codes of the errors that made it refuse (findings' codes), [] when it accepts. */
  findings: string[];
}

/** One reason a client refuses: a finding's code and the position of the certificate it is about. */
export interface Refusal {
  code: string;
  /** Unset for what is about the path as a whole (no path found, host not covered). */
  position?: Position;
}

export interface ValidationResult {
  valid: boolean;
  /** Leaf first, trust anchor last; for an invalid result, the path the findings are about. */
  chain: X509Certificate[];
  /** Errors that make the result invalid (for `options.client`), then warnings and notes about the chain. */
  findings: Finding[];
  /** Every client's verdict, one per id in CLIENT_IDS order. */
  clients: ClientVerdict[];
  /** Why each refusing client refuses: its findings' codes with where the certificate sits (for plain words). */
  refusals: Partial<Record<ClientId, Refusal[]>>;
}
