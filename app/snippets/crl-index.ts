/** The snippets that use a CA's CRL (issue 11), in the order the registry lists them. */
import { scyllaCrl } from './crl-scylla.ts';
import { nodeTlsCrlServer } from './crl-node-tls.ts';
import { pythonSslCrlServer } from './crl-python-ssl.ts';
import { opensslCrlCheck } from './crl-openssl.ts';
import type { Snippet } from './types.ts';

export const CRL_SNIPPETS: readonly Snippet[] = [scyllaCrl, nodeTlsCrlServer, pythonSslCrlServer, opensslCrlCheck];
