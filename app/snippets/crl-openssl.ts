/** openssl: check the CA's CRL itself, then a certificate against it (`openssl verify -crl_check`). */
import { crlPath } from './crl-path.ts';
import { sh } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const opensslCrlCheck: Snippet = {
  id: 'openssl-crl-check',
  label: "openssl: verify a certificate against the CA's CRL (-crl_check)",
  language: 'shell',
  filename: 'check-crl.sh',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const f = ctx.client.files;
    const ca = sh(f.ca);
    const crl = sh(crlPath(ctx, f.ca));
    return [
      '#!/bin/sh',
      `# certbench: is ${ctx.client.name}'s certificate revoked? Exit status 0: not revoked; otherwise openssl says why.`,
      'set -e',
      '# The CRL itself: signed by the CA, and its dates (a CRL past nextUpdate fails every check).',
      `openssl crl -in ${crl} -CAfile ${ca} -verify -noout -lastupdate -nextupdate`,
      '# The certificate: chain to the CA and not on the CRL ("certificate revoked" when it is).',
      "# Under an intermediate, use -crl_check_all and give every CA's CRL.",
      `openssl verify -crl_check -CAfile ${ca} -CRLfile ${crl} -untrusted ${sh(f.cert)} ${sh(f.cert)}`,
      '',
    ].join('\n');
  },
};
