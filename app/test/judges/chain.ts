/**
 * One certificate chain as the batch judges take it: what a TLS peer is shown (leaf and
 * intermediates), what the other side trusts (one anchor), for which role and name, at what
 * time. Every judge returns one StackVerdict per chain, in the same order.
 */
export type ChainPurpose = 'server' | 'client';

export interface JudgedChain {
  name: string;
  /** 'server': a client dials `host` and checks the chain; 'client': a server requiring client certificates checks it. */
  purpose: ChainPurpose;
  /** The DNS name or IP address a client dials; only checked for server chains. */
  host: string;
  /** Validation time for judges that take one (openssl -attime, Java setDate, Go CurrentTime). Handshakes run now. */
  at: Date;
  leafDer: Uint8Array;
  /** PKCS#8 PEM of the leaf's key, for the handshakes. */
  leafKeyPem: string;
  intermediatesDer: Uint8Array[];
  anchorDer: Uint8Array;
}

export interface StackVerdict {
  ok: boolean;
  /** The stack's own words: its error, or "ok". */
  reason: string;
}

/** The fixed other side of every handshake: a CA both peers' judges trust, a server (localhost) and a client under it. */
export interface HandshakePeer {
  caPem: string;
  server: { certPem: string; keyPem: string };
  client: { certPem: string; keyPem: string };
}

export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** The leaf then the intermediates, PEM: the certificate file a TLS peer presents. */
export function presentedPem(c: JudgedChain): string {
  return [c.leafDer, ...c.intermediatesDer].map((d) => derToPem(d)).join('');
}

/** A stack's error message on one line, without file names, for tables. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
