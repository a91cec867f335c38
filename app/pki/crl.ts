/**
 * CRL issuance (RFC 5280 §5): a v2 CertificateList signed by the CA key, over what the CA
 * remembers (revocation-list.ts). Each CRL carries
 *  - the CA's subject as issuer, copied byte for byte from ca.crt (§5.1.2.3);
 *  - thisUpdate now (set back a few minutes for clock skew) and nextUpdate `days` later
 *    (default 7), both required by §5.1.2.4-5;
 *  - Authority Key Identifier = the CA's SKI (§5.2.1, MUST) and a CRL Number one above the
 *    last one issued (§5.2.3, MUST, monotonically increasing);
 *  - per entry the serial, revocation date and a reasonCode (§5.3.1), written even for
 *    "unspecified": §5.3.1 would rather leave it out, but @peculiar/x509's generator then writes
 *    an empty crlEntryExtensions SEQUENCE, which §5.1's SIZE (1..MAX) forbids; an explicit 0 is
 *    the lesser deviation (a SHOULD, not a MUST).
 */
import {
  AuthorityKeyIdentifierExtension,
  Extension,
  Name,
  X509CrlGenerator,
  type X509CrlEntryParams,
} from '@peculiar/x509';
import * as asn1js from 'asn1js';
import { defaultCrypto, bindX509Crypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { loadIssuer, type CaMaterial } from './issuer.ts';
import { pemEncode } from './pem.ts';
import { REVOCATION_REASONS, type RevocationList } from './revocation-list.ts';
import { signingAlgorithm } from './sign.ts';
import { BACKDATE_MS, checkDays } from './validity.ts';

/** RFC 5280 §5.2.3 id-ce-cRLNumber and §5.3.1 id-ce-cRLReasons. */
const OID_CRL_NUMBER = '2.5.29.20';
const OID_CRL_REASON = '2.5.29.21';
/** certbench's default CRL lifetime: a week, as `openssl ca`'s default_crl_days in most configs. */
export const DEFAULT_CRL_DAYS = 7;
const DAY_MS = 86_400_000;

export interface CrlOptions {
  /** nextUpdate is this many days after thisUpdate. Default 7. */
  days?: number;
  /** thisUpdate; default now minus BACKDATE_MS. Whole seconds are kept. */
  thisUpdate?: Date;
}

export interface IssuedCrl {
  pem: string;
  der: Uint8Array<ArrayBuffer>;
  crlNumber: number;
  thisUpdate: string;
  nextUpdate: string;
  /** The list with crlNumber advanced: store it, or the next CRL repeats this number. */
  list: RevocationList;
}

function crlNumberExtension(n: number): Extension {
  return new Extension(OID_CRL_NUMBER, false, new asn1js.Integer({ value: n }).toBER());
}

function reasonExtension(code: number): Extension {
  return new Extension(OID_CRL_REASON, false, new asn1js.Enumerated({ value: code }).toBER());
}

/** Issue the next CRL of `ca` over `list`. The CA must be able to sign CRLs and must not have expired. */
export async function issueCrl(
  ca: CaMaterial,
  list: RevocationList,
  options: CrlOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<IssuedCrl> {
  const days = checkDays(options.days ?? DEFAULT_CRL_DAYS);
  const issuer = await loadIssuer(ca, crypto);
  // Set back like a certificate's notBefore: a peer whose clock runs a little behind would call a
  // CRL from its future "not yet valid" and, checking CRLs, refuse every client until it catches up.
  const thisUpdate = new Date(
    Math.floor((options.thisUpdate ?? new Date(Date.now() - BACKDATE_MS)).getTime() / 1000) * 1000,
  );
  if (issuer.notAfter.getTime() <= thisUpdate.getTime()) {
    throw new PkiError(
      'outlives-issuer',
      'issuer',
      `The CA expired on ${issuer.notAfter.toISOString()}; its CRLs would not be trusted.`,
    );
  }
  const nextUpdate = new Date(thisUpdate.getTime() + days * DAY_MS);
  const crlNumber = list.crlNumber + 1;
  const entries: X509CrlEntryParams[] = list.revoked.map((r) => ({
    serialNumber: r.serial,
    revocationDate: new Date(r.revokedAt),
    extensions: [reasonExtension(REVOCATION_REASONS[r.reason])],
  }));
  bindX509Crypto(crypto);
  const crl = await X509CrlGenerator.create(
    {
      issuer: new Name(issuer.cert.subjectName.toArrayBuffer()),
      thisUpdate,
      nextUpdate,
      entries,
      extensions: [new AuthorityKeyIdentifierExtension(issuer.keyId, false), crlNumberExtension(crlNumber)],
      signingKey: issuer.privateKey,
      signingAlgorithm: signingAlgorithm(issuer.algorithm),
    },
    crypto,
  );
  return {
    pem: pemEncode('X509 CRL', crl.rawData),
    der: new Uint8Array(crl.rawData),
    crlNumber,
    thisUpdate: thisUpdate.toISOString(),
    nextUpdate: nextUpdate.toISOString(),
    list: { ...list, crlNumber },
  };
}
