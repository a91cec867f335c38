/**
 * The host names of a node as bundles and snippets use them: its DNS and IP SANs, each in the
 * order of the certificate. Read from typed SanEntry values, never from "DNS:x" text, so no
 * consumer has to guess a kind again (that guess once named hosts "DNS:db-1" in exported zips).
 */
import type { SanEntry } from '../pki/index.ts';

export interface NodeHosts {
  dns: string[];
  ips: string[];
}

export function nodeHosts(sans: readonly SanEntry[] | undefined): NodeHosts {
  const list = sans ?? [];
  return {
    dns: list.filter((s) => s.kind === 'dns').map((s) => s.value),
    ips: list.filter((s) => s.kind === 'ip').map((s) => s.value),
  };
}
