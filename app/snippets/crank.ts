/**
 * crank: the CSR path first (the worker's key is made on the worker and never leaves it; the CA side
 * signs the request and gives back client.crt and ca.crt), then serving with client certificates
 * required. crank's own CertificateBundle.to_uvicorn_config() leaves ssl_cert_reqs out, so uvicorn
 * would accept a request without a certificate (HTTP 200): the printed command adds --ssl-cert-reqs 2.
 */
import { HAYSTACK_PORT } from './haystack.ts';
import { isIpLiteral, sh } from './quote.ts';
import type { Snippet, SnippetContext, SnippetNode } from './types.ts';

/** Where the CA folder (`certbench ca create --out DIR`) is on the CA side, as printed. */
export const CRANK_CA_DIR = './ca';

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

/** openssl's -subj with the worker's name as CN (a '/' or '\' in it escaped with a backslash). */
function subj(name: string): string {
  return `/CN=${name.replace(/[/\\]/g, (c) => `\\${c}`)}`;
}

function subjectAltName(n: SnippetNode): string | null {
  const names = [...n.dns.map((d) => `DNS:${d}`), ...n.ips.map((ip) => `IP:${ip}`)];
  return names.length ? `subjectAltName=${names.join(',')}` : null;
}

export const crankSnippet: Snippet = {
  id: 'crank-cert-dir',
  label: 'crank: worker key and CSR, signed certificate into CERT_DIR, serve with client certificates required',
  language: 'shell',
  filename: 'crank-worker.sh',
  layouts: ['crank'],
  caution() {
    return "crank's own to_uvicorn_config() does not require client certificates: a request without one gets HTTP 200. Serve with --ssl-cert-reqs 2 as printed, or add ssl_cert_reqs=ssl.CERT_REQUIRED where the worker calls uvicorn.run.";
  },
  render(ctx: SnippetContext) {
    const w = ctx.node;
    const dir = dirOf(w.files.cert);
    const csr = `${w.name}.csr`;
    const crt = `${w.name}.crt`;
    const san = subjectAltName(w);
    const port = ctx.port ?? HAYSTACK_PORT;
    const standard = ctx.layout === 'crank';
    const dialled = w.dns[0] ?? w.ips[0];
    return [
      `# certbench: crank worker ${w.name}. Its private key is made here and never leaves the worker: the CA side`,
      '# signs a request (certbench csr sign, or Sign CSR in the browser) and gives back client.crt and ca.crt.',
      ...(standard
        ? []
        : ["# These paths come from another layout: choose the crank layout to get crank's file names."]),
      '',
      '# 1. On the worker: the key and a request (crank reads client.crt, client.key, ca.crt from CERT_DIR).',
      `export CERT_DIR=${sh(dir)}`,
      'mkdir -p "$CERT_DIR"',
      `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj ${sh(subj(w.name))} \\`,
      ...(san ? [`  -addext ${sh(san)} \\`] : []),
      `  -keyout "$CERT_DIR/client.key" -out ${sh(csr)}`,
      'chmod 600 "$CERT_DIR/client.key"',
      '',
      `# 2. On the CA side, with the CA folder certbench ca create wrote: sign ${csr}, send back ${crt} and ca.crt.`,
      `certbench csr sign ${sh(csr)} --profile node --ca-dir ${CRANK_CA_DIR} --out .`,
      `cp ${CRANK_CA_DIR}/ca.crt ca.crt`,
      '',
      `# 3. On the worker: ${crt} (certificate and any intermediates) and ca.crt into CERT_DIR.`,
      `cp ${sh(crt)} "$CERT_DIR/client.crt"`,
      'cp ca.crt "$CERT_DIR/ca.crt"',
      'openssl verify -x509_strict -CAfile "$CERT_DIR/ca.crt" -untrusted "$CERT_DIR/client.crt" "$CERT_DIR/client.crt"',
      '',
      "# 4. Serve with client certificates required: --ssl-cert-reqs 2 is ssl.CERT_REQUIRED. crank's own",
      '#    to_uvicorn_config() leaves it out (a request without a certificate gets HTTP 200); where the worker',
      '#    calls uvicorn.run(app, **config), add ssl_cert_reqs=ssl.CERT_REQUIRED to it. APP is your ASGI app.',
      ...(dialled && !isIpLiteral(dialled)
        ? [`#    Callers dial https://${dialled}:${port}/ and present their own certificate from this CA.`]
        : []),
      'APP=${APP:-services.crank_streaming:app}',
      `uvicorn "$APP" --host 0.0.0.0 --port ${port} \\`,
      '  --ssl-certfile "$CERT_DIR/client.crt" --ssl-keyfile "$CERT_DIR/client.key" \\',
      '  --ssl-ca-certs "$CERT_DIR/ca.crt" --ssl-cert-reqs 2',
      '',
    ].join('\n');
  },
};
