/** Where a snippet says the CRL is: the user's path, else crl.pem beside the CA file it trusts. */
import type { SnippetContext } from './types.ts';

export function crlPath(ctx: SnippetContext, caFile: string = ctx.node.files.ca): string {
  if (ctx.crl) return ctx.crl;
  const slash = caFile.lastIndexOf('/');
  return slash < 0 ? 'crl.pem' : `${caFile.slice(0, slash + 1)}crl.pem`;
}
