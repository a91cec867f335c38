/**
 * Worker operations of a certificate's life after issuing (issue 11): renew a leaf or a
 * cluster's leaves, revoke, issue the next CRL, rotate a root CA. Thin adapters: the core does
 * the work, these only speak the plain shapes of pki-contract.ts (Issued, IssuerInput).
 */
import {
  emptyRevocationList,
  issueCrl as coreIssueCrl,
  type RenewalRequest,
  renewLeaf,
  renewLeaves,
  type RevocationList,
  revokeCertificate as coreRevoke,
  rotateCa as coreRotateCa,
} from '../pki/lifecycle/index.ts';
import { caMaterial, certificateMeta } from './issuing-meta.ts';
import { issuedLeaf } from './issued-leaf.ts';
import { appLeafHelpers, batchingOp } from './leaf-helper-pool.ts';
import type { Issued, IssuerInput } from './pki-contract.ts';

export interface RenewArgs {
  certPem: string;
  /** The CA that signs the renewed certificate: the old one's, or its successor. */
  issuer: IssuerInput;
  /** Keep this key (unencrypted PEM) instead of making a new one. */
  keepKeyPem?: string;
  /** Default: as long as the old certificate. */
  days?: number;
}

/** Issued, plus the serial of the certificate it replaces (the store marks that one superseded). */
export interface Renewed extends Issued {
  previousSerial: string;
}

async function renewCertificate(args: RenewArgs): Promise<Renewed> {
  const r = await renewLeaf(args.certPem, caMaterial(args.issuer), { keepKeyPem: args.keepKeyPem, days: args.days });
  return { ...issuedLeaf(r, args.issuer, r.profile), previousSerial: r.previousSerial };
}

/** Every member of a cluster renewed under one CA, in order; errors name the member. */
async function renewCluster(args: {
  members: RenewalRequest[];
  issuer: IssuerInput;
  days?: number;
}): Promise<(Renewed & { name: string })[]> {
  // Members with a fresh key and a plain CN subject renew in batches shared with the leaf helpers (pki/renew-batch.ts).
  const renewed = await renewLeaves(args.members, caMaterial(args.issuer), { days: args.days }, undefined, {
    helpers: appLeafHelpers(),
  });
  return renewed.map((r) => ({
    name: r.name,
    ...issuedLeaf(r, args.issuer, r.profile),
    previousSerial: r.previousSerial,
  }));
}

/** The CA's revocation list with `certPem` added (the CA's certificate proves it issued it). */
function revokeCertificate(args: {
  revocations?: RevocationList;
  certPem: string;
  caCertPem: string;
  reason?: string;
}): Promise<RevocationList> {
  return coreRevoke(args.revocations ?? emptyRevocationList(), args.certPem, args.caCertPem, args.reason);
}

/** The CA's next CRL; store `revocations` back on the CA, or the next CRL repeats this number. */
async function issueCrl(args: { issuer: IssuerInput; revocations?: RevocationList; days?: number }): Promise<{
  pem: string;
  der: Uint8Array;
  crlNumber: number;
  thisUpdate: string;
  nextUpdate: string;
  revocations: RevocationList;
}> {
  const crl = await coreIssueCrl(caMaterial(args.issuer), args.revocations ?? emptyRevocationList(), {
    days: args.days,
  });
  return {
    pem: crl.pem,
    der: crl.der,
    crlNumber: crl.crlNumber,
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
    revocations: crl.list,
  };
}

/** A new root beside `issuer` (a root), the transition trust bundle, and optionally the cross certificate. */
async function rotateCa(args: {
  issuer: IssuerInput;
  crossSign?: boolean;
  commonName?: string;
}): Promise<{ ca: Issued; trustBundlePem: string; crossSignedPem?: string; notes: string[] }> {
  const r = await coreRotateCa(caMaterial(args.issuer), { crossSign: args.crossSign, commonName: args.commonName });
  return {
    ca: {
      certPem: r.ca.certPem,
      keyPem: r.ca.keyPem,
      chainPem: '',
      meta: certificateMeta(r.ca.certPem, { profile: 'root' }),
      notes: r.ca.notes,
    },
    trustBundlePem: r.trustBundlePem,
    ...(r.crossSigned ? { crossSignedPem: r.crossSigned.certPem } : {}),
    notes: r.notes,
  };
}

export const LIFECYCLE_OPS = {
  renewCertificate,
  renewCluster: batchingOp(renewCluster),
  revokeCertificate,
  issueCrl,
  rotateCa,
};
