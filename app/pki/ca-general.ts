/**
 * The general CA certificate path: a CA certificate (root or intermediate) built and signed by
 * @peculiar/x509's generator with caExtensions, for a key, serial, subject and window already
 * settled. Every CA shape goes through here but the roots the fast path serves
 * (ca-template.ts), and the fast path proves itself against this code (ca-template-proof.ts).
 */
import type { Name } from '@peculiar/x509';
import { caExtensions, keyIdentifier } from './extensions.ts';
import type { LoadedIssuer } from './issuer.ts';
import { spkiFamily, type SubjectKey } from './keys.ts';
import { signCertificate } from './sign.ts';
import type { ValidityWindow } from './validity.ts';
import type { CaResult } from './ca-types.ts';

/** Who signs a CA certificate: nobody given means self-signed by the certified key (a root). */
export interface CaSigner {
  issuerName?: Name;
  authorityKeyId?: string;
  signingKey?: CryptoKey;
  signingAlgorithm?: LoadedIssuer['algorithm'];
}

/**
 * A CA certificate just made: the plain result (chainPem is left to the caller), and the facts it
 * was made from, which are its LoadedIssuer's but for the intermediates (madeIssuer).
 */
export interface MadeCa {
  result: Omit<CaResult, 'chainPem'>;
  facts: Omit<LoadedIssuer, 'cert' | 'intermediatesPem'>;
  der: ArrayBuffer;
}

/** What a CA certificate is made of, every value settled by the caller. */
export interface CaCertificateInputs {
  key: SubjectKey;
  /** Lower-case hex, as randomSerial draws it. */
  serialHex: string;
  subject: Name;
  window: ValidityWindow;
  pathLength: number | undefined;
  signer: CaSigner;
}

/** The CA certificate of `inputs` on the general path (the generator), with its result and facts. */
export async function generalCaCertificate(inputs: CaCertificateInputs, crypto: Crypto): Promise<MadeCa> {
  const { key, subject, window, pathLength, signer } = inputs;
  const subjectKeyId = await keyIdentifier(key.spki, crypto);
  const { pem, der } = await signCertificate(
    {
      serialHex: inputs.serialHex,
      subject,
      issuer: signer.issuerName ?? subject,
      ...window,
      spki: key.spki,
      extensions: caExtensions({
        subjectKeyId,
        authorityKeyId: signer.authorityKeyId,
        pathLength,
        family: spkiFamily(key.spki),
      }),
      // Self-signed when no issuer signs: the new key signs its own certificate.
      signingKey: signer.signingKey ?? key.privateKey,
      signingAlgorithm: signer.signingAlgorithm ?? key.algorithm,
    },
    crypto,
  );
  return {
    result: {
      certPem: pem,
      keyPem: key.pkcs8Pem,
      notBefore: window.notBefore.toISOString(),
      notAfter: window.notAfter.toISOString(),
      serial: inputs.serialHex,
      notes: window.notes,
    },
    facts: {
      subjectDer: subject.toArrayBuffer(),
      privateKey: key.privateKey,
      algorithm: key.algorithm,
      keyId: subjectKeyId,
      ...(pathLength === undefined ? {} : { pathLength }),
      notBefore: window.notBefore,
      notAfter: window.notAfter,
    },
    der,
  };
}
