/**
 * Worker operations of the issuing views (Cluster, Authorities, Issue, Sign CSR): the core's
 * functions composed into the plain shapes of pki-contract.ts.
 */
import {
  createIntermediateCa,
  createRootCa,
  issueLeaf,
  loadIssuer,
  readCsr as coreReadCsr,
  readInput,
  signCsr as coreSignCsr,
} from '../pki/index.ts';
import { formatSan, PkiError } from '../pki/light/index.ts';
import { setUpClusterWire } from './cluster-setup.ts';
import { batchingOp } from './leaf-helper-pool.ts';
import { rehearsingOp } from './cluster-rehearsal.ts';
import { caMaterial, certificateMeta, chainAbove, joinPem } from './issuing-meta.ts';
import { issuedLeaf } from './issued-leaf.ts';
import type {
  CreateCaArgs,
  CsrSummary,
  ImportCaArgs,
  ImportedCa,
  Issued,
  IssueArgs,
  SignCsrArgs,
} from './pki-contract.ts';

async function createCa(args: CreateCaArgs): Promise<Issued> {
  const params = {
    subject: args.subject,
    algorithm: args.keyAlgorithm,
    days: args.days,
    ...(args.pathLength === undefined ? {} : { pathLength: args.pathLength }),
  };
  const made = args.issuer ? await createIntermediateCa(params, caMaterial(args.issuer)) : await createRootCa(params);
  return {
    certPem: made.certPem,
    keyPem: made.keyPem,
    chainPem: args.issuer ? chainAbove(args.issuer) : '',
    meta: certificateMeta(made.certPem, { profile: args.issuer ? 'intermediate' : 'root' }),
    notes: made.notes,
  };
}

async function issueCertificate(args: IssueArgs): Promise<Issued> {
  const leaf = await issueLeaf(
    {
      profile: args.profile,
      commonName: args.commonName,
      sans: args.sans,
      algorithm: args.keyAlgorithm,
      days: args.days,
    },
    caMaterial(args.issuer),
  );
  return issuedLeaf(leaf, args.issuer, args.profile);
}

async function readCsr(args: { csrPem: string }): Promise<CsrSummary> {
  const info = await coreReadCsr(args.csrPem);
  return {
    subject: info.subject,
    commonName: info.subjectFields.commonName,
    sans: [...info.sans.map(formatSan), ...info.unsupportedSans],
    keyAlgorithm: info.keyDescription,
    signatureValid: info.signatureValid,
  };
}

async function signCsr(args: SignCsrArgs): Promise<Issued> {
  const issued = await coreSignCsr(args.csrPem, caMaterial(args.issuer), {
    profile: args.profile,
    days: args.days,
    ...(args.sans === undefined ? {} : { sans: args.sans }),
  });
  const leaf = issued.certPem;
  return {
    certPem: leaf,
    chainPem: chainAbove(args.issuer),
    meta: certificateMeta(leaf, { profile: args.profile }, issued.sans),
    notes: issued.notes,
  };
}

/** A CA brought in from PEM (key plain or encrypted) or PKCS#12: checked by loading it as an issuer. */
async function importCa(args: ImportCaArgs): Promise<ImportedCa> {
  const password = args.password ? { password: args.password } : {};
  const items = [
    ...(await readInput(
      typeof args.cert === 'string'
        ? { name: 'certificate', text: args.cert }
        : { name: 'PKCS#12 file', bytes: args.cert },
      password,
    )),
    ...(args.keyPem ? await readInput({ name: 'key', text: args.keyPem }, password) : []),
  ];
  const error = items.find((i) => i.kind === 'error');
  if (error?.kind === 'error')
    throw new PkiError(error.code, error.code === 'wrong-password' ? 'password' : 'cert', error.message);
  const certs = items.flatMap((i) => (i.kind === 'certificate' ? [i.pem] : []));
  const key = items.find((i) => i.kind === 'private-key');
  if (!certs.length)
    throw new PkiError(
      'invalid-argument',
      'cert',
      'No certificate found: paste the CA certificate as PEM or choose its PKCS#12 file.',
    );
  if (!key)
    throw new PkiError(
      'invalid-key',
      'key',
      'No private key found: a CA can issue only with its key (paste it, or use a PKCS#12 file that holds it).',
    );
  // The CA is the certificate the key belongs to; loadIssuer checks that and that it is a CA.
  for (const certPem of certs) {
    const others = certs.filter((c) => c !== certPem);
    try {
      await loadIssuer({ certPem, keyPem: key.pem, chainPem: '' });
    } catch (e) {
      if (e instanceof PkiError && e.code === 'key-mismatch' && others.length) continue;
      throw e;
    }
    return {
      certPem,
      keyPem: key.pem,
      chainPem: joinPem(...others),
      meta: certificateMeta(certPem, { profile: others.length ? 'intermediate' : 'root' }),
    };
  }
  throw new PkiError('key-mismatch', 'key', 'The private key belongs to none of the certificates given.');
}

/**
 * setUpCluster answers in the wire form (cluster-wire.ts); the page's client decodes it
 * (page-results.ts). Warming it starts the leaf helpers and makes a rehearsal cluster (cluster-rehearsal.ts).
 */
export const PKI_OPS = {
  createCa,
  issueCertificate,
  readCsr,
  signCsr,
  importCa,
  setUpCluster: rehearsingOp(batchingOp(setUpClusterWire)),
};
