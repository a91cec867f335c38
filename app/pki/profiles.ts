/**
 * Leaf certificate profiles: what each kind of certificate is for.
 *  - node: a cluster member is server and client at once (casty nodes, ScyllaDB internode);
 *  - server: serverAuth only;
 *  - client: clientAuth only; the CN is the identity (haystack's allowed_cns, ScyllaDB's
 *    CertificateAuthenticator), SANs optional.
 */
import { PkiError } from './errors.ts';

export type LeafProfile = 'node' | 'server' | 'client';

/** RFC 5280 §4.2.1.12 key purposes. */
export const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export interface ProfileSpec {
  id: LeafProfile;
  label: string;
  /** One sentence for the UI and `--help`. */
  description: string;
  /** Extended key usages, in certificate order. */
  extendedKeyUsages: readonly string[];
  /** A CN that is a host name or IP address is also put in the SANs (clients match SANs only). */
  commonNameInSans: boolean;
  /** At least one DNS or IP SAN is needed for the certificate to be usable. */
  needsHostSan: boolean;
}

export const PROFILES: readonly ProfileSpec[] = [
  {
    id: 'node',
    label: 'Cluster node',
    description: 'Server and client at once (serverAuth + clientAuth): a cluster member that accepts and dials peers.',
    extendedKeyUsages: [EKU_SERVER_AUTH, EKU_CLIENT_AUTH],
    commonNameInSans: true,
    needsHostSan: true,
  },
  {
    id: 'server',
    label: 'Server',
    description: 'A TLS server (serverAuth): clients check its DNS names and IP addresses.',
    extendedKeyUsages: [EKU_SERVER_AUTH],
    commonNameInSans: true,
    needsHostSan: true,
  },
  {
    id: 'client',
    label: 'Client',
    description: 'A TLS client (clientAuth only): the common name is its identity; SANs are optional.',
    extendedKeyUsages: [EKU_CLIENT_AUTH],
    commonNameInSans: false,
    needsHostSan: false,
  },
];

/** The spec of a profile id; a PkiError on 'profile' for anything else. */
export function profileSpec(id: string): ProfileSpec {
  const p = PROFILES.find((x) => x.id === id);
  if (!p)
    throw new PkiError('invalid-argument', 'profile', `"${id}" is not a certificate profile (node, server or client).`);
  return p;
}
