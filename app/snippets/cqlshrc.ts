/**
 * cqlsh's cqlshrc: connect over TLS, verify the node's chain, present the client certificate. cqlsh
 * (pylib/cqlshlib/sslhandling.py) hands cassandra-driver ssl_options without check_hostname, so the
 * node's name is not checked: said in the file and in the caution.
 */
import { CQL_PORT } from './scylla-yaml.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const cqlshrc: Snippet = {
  id: 'cqlshrc',
  label: 'cqlsh: cqlshrc [ssl]',
  language: 'ini',
  filename: 'cqlshrc',
  layouts: ['scylla', 'cassandra'],
  caution() {
    return "cqlsh checks the node's certificate chain against certfile (validate = true) but not its host name: a certificate this CA issued to any other host is accepted too.";
  },
  render(ctx: SnippetContext) {
    const f = ctx.client.files;
    return [
      `; certbench: cqlsh as ${JSON.stringify(ctx.client.commonName)} over mutual TLS. Save as ~/.cassandra/cqlshrc, then run: cqlsh --ssl`,
      ...(ctx.clientKeyPasswordEnv
        ? []
        : ['; cqlsh cannot take a key password: userkey is unencrypted, keep it chmod 600.']),
      '[connection]',
      `hostname = ${ctx.host}`,
      `port = ${ctx.port ?? CQL_PORT}`,
      '',
      '[ssl]',
      "; the CA that issued the nodes' certificates",
      `certfile = ${f.ca}`,
      "; verify the node certificate's chain against certfile (cqlsh's validate does not check the host name)",
      'validate = true',
      `userkey = ${f.key}`,
      `usercert = ${f.cert}`,
      '',
    ].join('\n');
  },
};
