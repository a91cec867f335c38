/**
 * A chain drawn as links: each certificate of a path (leaf first) and, for each certificate
 * below the top, the four checks that tie it to the one above it (RFC 5280 §6.1.3): the
 * signature verifies with the issuer's key, the issuer name chains, the certificate is within
 * its validity, and the issuer is allowed to sign certificates (cA and keyCertSign). Plain data
 * for any surface to draw; the words here say no command-line flag.
 */
import type { X509Certificate } from '@peculiar/x509';
import { certFacts, type CertFacts } from '../model/cert-facts.ts';
import { namesEqual } from '../model/names.ts';
import { signatureChecker } from '../signatures/checker.ts';

export type LinkCheckName = 'signature' | 'names' | 'validity' | 'ca';

export interface LinkCheck {
  name: LinkCheckName;
  ok: boolean;
  /** "signature verifies with 'Test Root CA''s key", "expired on 2024-01-01". */
  text: string;
}

export interface ChainLink {
  subject: string;
  /** 'root' for a self-issued top, 'intermediate' for any other CA, 'leaf' for the first. */
  role: 'leaf' | 'intermediate' | 'root';
  notAfter: string;
  /** The checks against the certificate above; for the top, whose issuer is not here, its validity only. */
  checks: LinkCheck[];
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validity(f: CertFacts, at: Date): LinkCheck {
  const from = f.notBefore.date;
  const to = f.notAfter.date;
  if (at < from) return { name: 'validity', ok: false, text: `not valid until ${day(from)}` };
  if (at > to) return { name: 'validity', ok: false, text: `expired on ${day(to)}` };
  return { name: 'validity', ok: true, text: `valid until ${day(to)}` };
}

function caFlags(issuer: CertFacts): LinkCheck {
  if (issuer.basicConstraints?.ca !== true)
    return { name: 'ca', ok: false, text: 'the issuer is not a CA (basicConstraints lacks cA=TRUE)' };
  if (issuer.keyUsage && !issuer.keyUsage.usages.has('keyCertSign'))
    return { name: 'ca', ok: false, text: "the issuer's keyUsage lacks keyCertSign" };
  return { name: 'ca', ok: true, text: 'the issuer is a CA that may sign certificates' };
}

function roleOf(i: number, last: number, f: CertFacts | undefined): ChainLink['role'] {
  if (i === 0) return 'leaf';
  return i === last && f?.selfIssued ? 'root' : 'intermediate';
}

function factsOf(cert: X509Certificate): CertFacts | undefined {
  try {
    return certFacts(cert);
  } catch {
    return undefined;
  }
}

/** The links of `path` (leaf first, issuers above it) as judged at `at`. */
export async function chainLinks(path: readonly X509Certificate[], at: Date, crypto: Crypto): Promise<ChainLink[]> {
  const check = signatureChecker(crypto);
  const last = path.length - 1;
  return Promise.all(
    path.map(async (cert, i): Promise<ChainLink> => {
      const f = factsOf(cert);
      const role = roleOf(i, last, f);
      const link = { subject: cert.subject, role, notAfter: cert.notAfter.toISOString() };
      const issuer = path[i + 1];
      const up = issuer && factsOf(issuer);
      // The top is judged on its own validity only: its issuer is not here (or is itself).
      if (!issuer || !f || !up) return { ...link, checks: f ? [validity(f, at)] : [] };
      const failure = await check(cert, issuer);
      return {
        ...link,
        checks: [
          failure === null
            ? { name: 'signature', ok: true, text: "verifies with the issuer's key" }
            : { name: 'signature', ok: false, text: `does not verify with the issuer's key (${failure})` },
          namesEqual(f.issuer, up.subject)
            ? { name: 'names', ok: true, text: "its issuer name is the issuer's subject" }
            : { name: 'names', ok: false, text: "its issuer name is not the issuer's subject" },
          validity(f, at),
          caFlags(up),
        ],
      };
    }),
  );
}
