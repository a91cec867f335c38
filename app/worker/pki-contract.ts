/**
 * Plain shapes of the issuing operations the workbench's views run in the worker. The views
 * depend on these, not on the core's signatures, so the core can change underneath.
 */
import type { KeyAlgorithmId, LeafProfile, SubjectFields } from '../pki/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import type { ItemMeta } from '../store/types.ts';
import type { TargetId } from '../targets/index.ts';

export type { LeafProfile, TargetId };

/** The subject fields a form collects (CN required): the core's SubjectFields. */
export type SubjectInput = SubjectFields;

/** A CA that signs: its certificate, its key, and its own chain up to the root ('' for a root). */
export interface IssuerInput {
  certPem: string;
  keyPem: string;
  chainPem?: string;
}

/** What an issuing operation made, ready for `addItems`. */
export interface Issued {
  certPem: string;
  /** Absent when the key stayed with the requester (a signed CSR). */
  keyPem?: string;
  /** The issuer's certificate and chain above it (the leaf's chain, without the leaf). */
  chainPem: string;
  meta: ItemMeta;
  /** Sentences about what was adjusted (validity clamped to the issuer, CN added to the SANs). */
  notes: string[];
}

export interface CreateCaArgs {
  subject: SubjectInput;
  keyAlgorithm: KeyAlgorithmId;
  days: number;
  /** Path length constraint; undefined for none. */
  pathLength?: number;
  /** Absent for a root. */
  issuer?: IssuerInput;
}

export interface IssueArgs {
  profile: LeafProfile;
  commonName: string;
  /** SANs in the forgiving format ("node1, 10.0.0.1, DNS:a.example"). */
  sans: string;
  keyAlgorithm: KeyAlgorithmId;
  days: number;
  issuer: IssuerInput;
}

/** What a CSR asks for. */
export interface CsrSummary {
  subject: string;
  commonName: string;
  sans: string[];
  /** The requested key as Inspect names it ("ECDSA P-256", "RSA 2048", "Ed25519"): pki keyDescription. */
  keyAlgorithm: string;
  signatureValid: boolean;
}

export interface SignCsrArgs {
  csrPem: string;
  profile: LeafProfile;
  /** Replace the requested SANs with these (forgiving format); undefined keeps the request's. */
  sans?: string;
  days: number;
  issuer: IssuerInput;
}

export interface ImportCaArgs {
  /** PEM certificate (and chain), or a PKCS#12 file as bytes. */
  cert: string | Uint8Array;
  /** PEM private key (plain or encrypted); absent for PKCS#12. */
  keyPem?: string;
  password?: string;
}

export interface ImportedCa {
  certPem: string;
  keyPem: string;
  chainPem: string;
  meta: ItemMeta;
}

export interface ClusterArgs {
  cluster: string;
  /** One node per line: name, then its IPs and DNS names. */
  nodes: string;
  /** Client names (their CNs). */
  clients: string[];
  target: TargetId;
  keyAlgorithm: KeyAlgorithmId;
  caDays: number;
  leafDays: number;
  /** Cassandra: PEM key-and-chain files (default) or a PKCS#12 keystore and truststore per node. */
  cassandraFormat?: 'pem' | 'pkcs12';
  /** Password of the PKCS#12 stores (Cassandra PKCS#12 form; required there). Never stored. */
  storePassword?: string;
}

/** A node or client of a cluster: its chain is the cluster's leafChainPem, sent once rather than per leaf. */
export interface ClusterLeafResult extends Omit<Issued, 'chainPem'> {
  name: string;
}

/**
 * A finished cluster. Snippets are not part of it: the page renders them from the bundle itself
 * (components/snippets-panel.tsx), as the CLI does from the same bundle.
 */
export interface ClusterResult {
  ca: Issued;
  /** The chain above every node and client (the new root): what each leaf's workspace item keeps as its chain. */
  leafChainPem: string;
  nodes: ClusterLeafResult[];
  clients: ClusterLeafResult[];
  /** The target chosen in the form: what the result names ("laid out for Node.js", not the layout's first target). */
  target: TargetId;
  layout: LayoutId;
  warnings: string[];
}
