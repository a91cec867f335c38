/** The ordered registry of snippet targets: the UI and `certbench snippet --list` show them in this order. */
import { PkiError } from '../pki/light/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import type { Snippet } from './types.ts';
import { nodeTlsClient, nodeTlsServer } from './node-tls.ts';
import { nodeFetchUndici, nodeHttpsRequest } from './node-https.ts';
import { scyllaCertificateAuth, scyllaYaml } from './scylla-yaml.ts';
import { cqlshrc } from './cqlshrc.ts';
import { cassandraYamlPem, cassandraYamlPkcs12 } from './cassandra-yaml.ts';
import { pythonDriverAsync, pythonDriverSync } from './python-driver.ts';
import { acsyllaSnippet } from './acsylla.ts';
import { castySnippet, castyV2Snippet } from './casty.ts';
import { haystackSnippet } from './haystack.ts';
import { uvicornSnippet } from './uvicorn.ts';
import { crankSnippet } from './crank.ts';
import { kubernetesSecret } from './kubernetes.ts';
import { dockerCompose } from './docker-compose.ts';
import { checkCommands } from './check-commands.ts';
import { mlDsaCheck } from './ml-dsa-check.ts';
import { CRL_SNIPPETS } from './crl-index.ts';

export const SNIPPETS: readonly Snippet[] = [
  nodeTlsServer,
  nodeTlsClient,
  nodeHttpsRequest,
  nodeFetchUndici,
  scyllaYaml,
  scyllaCertificateAuth,
  cqlshrc,
  cassandraYamlPem,
  cassandraYamlPkcs12,
  pythonDriverSync,
  pythonDriverAsync,
  acsyllaSnippet,
  castySnippet,
  castyV2Snippet,
  haystackSnippet,
  uvicornSnippet,
  crankSnippet,
  kubernetesSecret,
  dockerCompose,
  checkCommands,
  mlDsaCheck,
  ...CRL_SNIPPETS,
];

/** The snippet with this id, or a PkiError listing the ids there are. */
export function snippetById(id: string): Snippet {
  const found = SNIPPETS.find((s) => s.id === id);
  if (!found)
    throw new PkiError(
      'invalid-argument',
      'target',
      `Unknown snippet "${id}"; choose one of ${SNIPPETS.map((s) => s.id).join(', ')}.`,
    );
  return found;
}

/** Snippets for a layout: those made for it first, then those for any layout, then the rest, each in registry order. */
export function snippetsFor(layout: LayoutId): Snippet[] {
  const rank = (s: Snippet) => (s.layouts === 'any' ? 1 : s.layouts.includes(layout) ? 0 : 2);
  return [...SNIPPETS].sort((a, b) => rank(a) - rank(b));
}
