/**
 * Revoking a certificate: checked against the CA that is to list it (a CRL may only name
 * certificates its issuer signed, RFC 5280 §5.1.2.6), then added to that CA's revocation list.
 */
import { X509Certificate } from '@peculiar/x509';
import { defaultCrypto, bindX509Crypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { pemDecodeAll } from './pem.ts';
import { addRevocation, checkReason, normalizeSerial, type RevocationList } from './revocation-list.ts';

function firstCertificate(pem: string, field: string): X509Certificate {
  const block = pemDecodeAll(pem).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('invalid-pem', field, 'This is not a PEM certificate ("BEGIN CERTIFICATE").');
  try {
    return new X509Certificate(block.der);
  } catch (e) {
    throw new PkiError('invalid-der', field, 'The certificate is damaged and cannot be read.', { cause: e });
  }
}

/**
 * The list with `certPem` (its first certificate) revoked for `reason` at `at` (default now).
 * Errors: 'cert' when the CA in `caCertPem` did not sign it or it is already listed, 'reason'
 * for an unknown reason.
 */
export async function revokeCertificate(
  list: RevocationList,
  certPem: string,
  caCertPem: string,
  reason: string = 'unspecified',
  at: Date = new Date(),
  crypto: Crypto = defaultCrypto(),
): Promise<RevocationList> {
  const checkedReason = checkReason(reason);
  const cert = firstCertificate(certPem, 'cert');
  const ca = firstCertificate(caCertPem, 'ca');
  if (cert.toString('base64') === ca.toString('base64')) {
    throw new PkiError(
      'invalid-argument',
      'cert',
      `"${ca.subject}" is the CA itself: a CA cannot revoke itself in its own CRL (rotate it: certbench ca rotate).`,
    );
  }
  bindX509Crypto(crypto);
  const signedByCa =
    cert.issuer === ca.subject && (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }, crypto));
  if (!signedByCa) {
    throw new PkiError(
      'invalid-argument',
      'cert',
      `"${cert.subject}" was not issued by "${ca.subject}": only its own CA can revoke it.`,
    );
  }
  // Any certificate the CA signed, leaves and intermediates alike (caCompromise).
  return addRevocation(list, {
    serial: normalizeSerial(cert.serialNumber),
    subject: cert.subject,
    revokedAt: at.toISOString(),
    reason: checkedReason,
  });
}
