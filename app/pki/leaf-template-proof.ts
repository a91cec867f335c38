/**
 * The proof behind the batch fast path (leaf-template.ts): a template's constant TBS pieces are
 * built for each issuer by the general path's own encoders, and that construction is proven
 * against a probe certificate made by the general path (`signLeaf`) once per (issuer key
 * algorithm, profile, leaf key algorithm) for the life of the module (a worker, a CLI run).
 *
 * Why once is enough: of a leaf's constant pieces, only the signature AlgorithmIdentifier is
 * taken from the probe, and it depends on nothing but the issuer's key algorithm (sign.ts
 * signingAlgorithm). The issuer Name and the AuthorityKeyIdentifier are each issuer's own, written
 * for every issuer as signLeaf writes them: the Name as X509CertificateGenerator.create writes
 * `new Name(subjectDer)`, the AKI as leafExtensions' AuthorityKeyIdentifierExtension writes the
 * issuer's key id. Both calls are made until they have shown what they write: the AKI's octets
 * depend on the key id's length alone besides the key id (so the DER writer's AKI is used once it
 * equalled the extension's for a key id of that length), and a plain Name is written back as it is
 * once one of its shape was (leaf-issuer-parts.ts); other Names go through @peculiar/x509 every time. A
 * new CA costs no probe. BasicConstraints, KeyUsage and ExtendedKeyUsage depend on the profile and
 * the leaf key only, so the proven ones are kept. The proof compares the whole TBS a template writes
 * with the probe's, byte for byte, over inputs that exercise every SAN kind, so a change in either
 * path fails it.
 */
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from './algorithms.ts';
import { PkiError } from './errors.ts';
import { tbsAndSigAlg } from './signed-parts.ts';
import { leafExtensions } from './extensions.ts';
import { signLeaf } from './issue.ts';
import type { LoadedIssuer } from './issuer.ts';
import { generateKeyPair, keyAlgorithm } from './keys.ts';
import { forgetIssuerParts, issuerParts } from './leaf-issuer-parts.ts';
import { leafTbsWriter, spkiKeyId, type TbsPieces, type TemplateLeafInput } from './leaf-tbs.ts';
import { OID } from './model/oids.ts';
import { checkSubject } from './names.ts';
import { pemDecodeAll } from './pem.ts';
import { profileSpec, type LeafProfile } from './profiles.ts';
import type { SanEntry } from './san.ts';

/** Probe inputs that exercise every SAN kind, including IPv6. */
const PROBE_SANS: SanEntry[] = [
  { kind: 'dns', value: 'probe.template.example' },
  { kind: 'dns', value: '*.probe.example' },
  { kind: 'ip', value: '10.0.0.1' },
  { kind: 'ip', value: '2001:db8::1' },
  { kind: 'email', value: 'probe@example.com' },
  { kind: 'uri', value: 'spiffe://probe.example/template' },
];

/**
 * What a proof establishes for one (issuer key algorithm, profile, leaf key algorithm): the
 * signature AlgorithmIdentifier the general path writes, and the leaf extensions in its order,
 * leafExtensions' own DER for those that depend on neither the issuer nor the leaf
 * (BasicConstraints, KeyUsage, ExtendedKeyUsage), and marks where the leaf's SAN and SKI and the
 * issuer's AKI go.
 */
interface Proven {
  sigAlg: Uint8Array;
  extensions: readonly (Uint8Array | 'san' | 'ski' | 'aki')[];
}

function provenShape(profile: LeafProfile, algorithm: KeyAlgorithmId, sigAlg: Uint8Array): Proven {
  const extensions = leafExtensions({
    profile: profileSpec(profile),
    family: keyAlgorithm(algorithm).family,
    sans: PROBE_SANS,
    subjectKeyId: '00',
    authorityKeyId: '00',
  }).map((e): Uint8Array | 'san' | 'ski' | 'aki' =>
    e.type === OID.subjectAltName
      ? 'san'
      : e.type === OID.subjectKeyId
        ? 'ski'
        : e.type === OID.authorityKeyId
          ? 'aki'
          : new Uint8Array(e.rawData),
  );
  return { sigAlg, extensions };
}

/** The constant pieces of `issuer`'s leaves under a proven shape. */
function issuerPieces(issuer: LoadedIssuer, proven: Proven): TbsPieces {
  const { name, aki } = issuerParts(issuer);
  return {
    sigAlg: proven.sigAlg,
    issuer: name,
    extensions: proven.extensions.map((e) => (e === 'aki' ? aki : e)),
  };
}

/**
 * A probe certificate from the general path under `issuer`, and the TBS issuerPieces' writer
 * makes from the same inputs; resolves to the probe's signature AlgorithmIdentifier when the
 * two are equal byte for byte, throws 'internal' otherwise.
 */
async function prove(
  issuer: LoadedIssuer,
  profile: LeafProfile,
  algorithm: KeyAlgorithmId,
  crypto: Crypto,
): Promise<Proven> {
  const probeKey = await generateKeyPair(algorithm, crypto);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', probeKey.publicKey));
  const now = Math.floor(Date.now() / 1000) * 1000;
  const input: TemplateLeafInput = {
    serial: new Uint8Array(16).fill(0x5a),
    notBefore: new Date(Math.max(now - 60_000, issuer.notBefore.getTime())),
    notAfter: new Date(Math.min(now + 86_400_000, issuer.notAfter.getTime())),
    commonName: 'probe.template.example',
    sans: PROBE_SANS,
    spki,
  };
  const probe = await signLeaf(
    {
      profile,
      subject: checkSubject({ commonName: input.commonName }),
      sans: input.sans,
      spki: spki.buffer,
      days: 1,
      notBefore: input.notBefore.toISOString(),
      serialHex: Convert.ToHex(input.serial),
    },
    issuer,
    crypto,
  );
  const { tbs, sigAlg } = tbsAndSigAlg(
    new Uint8Array(pemDecodeAll(probe.certPem).blocks[0]?.der ?? new ArrayBuffer(0)),
  );
  const proven = provenShape(profile, algorithm, sigAlg);
  const write = leafTbsWriter(issuerPieces(issuer, proven));
  const rebuilt = write({ ...input, notAfter: new Date(probe.notAfter) }, spkiKeyId(spki));
  if (Convert.ToHex(rebuilt) !== Convert.ToHex(tbs)) {
    throw new PkiError(
      'internal',
      'issuer',
      'The fast certificate template does not reproduce the general path for this CA.',
    );
  }
  return proven;
}

/** Proofs made (or being made) in this module's life, by proof key. */
const proofs = new Map<string, Promise<Proven>>();

/**
 * The constant pieces of `issuer`'s leaves of `profile` with `algorithm` keys, once the
 * construction was proven for this issuer key algorithm, profile and leaf key algorithm (here
 * with `issuer` if it is the first). A failed proof is not kept: the next batch tries again.
 */
export async function provenPieces(
  issuer: LoadedIssuer,
  profile: LeafProfile,
  algorithm: KeyAlgorithmId,
  crypto: Crypto,
): Promise<TbsPieces> {
  const key = `${issuer.algorithm}/${profile}/${algorithm}`;
  let proof = proofs.get(key);
  if (!proof) {
    const made = prove(issuer, profile, algorithm, crypto);
    proofs.set(key, made);
    made.catch(() => {
      if (proofs.get(key) === made) proofs.delete(key);
    });
    proof = made;
  }
  return issuerPieces(issuer, await proof);
}

/** How many proofs this module holds (tests: a second issuer must not cost a probe). */
export function provenTemplateCount(): number {
  return proofs.size;
}

/** Forget every proof (tests: the next template proves itself again, and writes issuers' parts anew). */
export function forgetTemplateProofs(): void {
  proofs.clear();
  forgetIssuerParts();
}
