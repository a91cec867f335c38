/**
 * Check a downloaded cluster bundle with tools we did not write: unzip it (python3 zipfile),
 * collect every certificate and key in it whatever the layout, then `openssl verify -x509_strict
 * -purpose` each leaf against the bundle's CA and complete a Node mTLS handshake node ↔ client.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  nodeTlsHandshake,
  opensslVerify,
  requireTool,
  run,
  type HandshakeResult,
  type Verdict,
} from '../../app/test/judges/index.ts';

export interface BundleVerdicts {
  files: string[];
  caSubject: string;
  leaves: { subject: string; serverAuth: boolean; clientAuth: boolean; asServer: Verdict; asClient: Verdict }[];
  /** The node ↔ client handshake; null when the bundle holds no private keys (crank: they stay on the workers). */
  handshake: HandshakeResult | null;
  /** How many private keys the bundle holds. */
  keys: number;
}

const PEM = /-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g;

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

export async function judgeBundle(zipPath: string): Promise<BundleVerdicts> {
  requireTool('openssl');
  requireTool('python3');
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bundle-'));
  try {
    const unzip = run('python3', ['-m', 'zipfile', '-e', zipPath, dir]);
    if (unzip.status !== 0) throw new Error(`python3 -m zipfile failed: ${unzip.stderr}`);
    const files = walk(dir).sort();
    const certs = new Map<string, X509Certificate>();
    const keys: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'latin1');
      for (const m of text.matchAll(PEM)) {
        // YAML (Kubernetes Secrets) indents the PEM; openssl and Node want it flush.
        const block = m[0]
          .split(/\r?\n/)
          .map((l) => l.trim())
          .join('\n');
        if (m[1] === 'CERTIFICATE') certs.set(block, new X509Certificate(block));
        else if (m[1] === 'PRIVATE KEY' || m[1] === 'EC PRIVATE KEY' || m[1] === 'RSA PRIVATE KEY') keys.push(block);
      }
    }
    const all = [...certs.entries()];
    const ca = all.find(([, c]) => c.ca && c.subject === c.issuer);
    if (!ca) throw new Error(`no self-signed CA certificate in the bundle (files: ${files.join(', ')})`);
    const [caPem, caCert] = ca;
    const leaves = [];
    const keyOf = (cert: X509Certificate) =>
      keys.find((k) =>
        createPublicKey(createPrivateKey(k))
          .export({ type: 'spki', format: 'der' })
          .equals(cert.publicKey.export({ type: 'spki', format: 'der' })),
      );
    let server: { certPem: string; keyPem: string; host: string } | undefined;
    let client: { certPem: string; keyPem: string } | undefined;
    for (const [pem, cert] of all) {
      if (cert.ca) continue;
      const eku = cert.keyUsage ?? [];
      const serverAuth = eku.includes('1.3.6.1.5.5.7.3.1');
      const clientAuth = eku.includes('1.3.6.1.5.5.7.3.2');
      leaves.push({
        subject: cert.subject,
        serverAuth,
        clientAuth,
        asServer: await opensslVerify({ rootPem: caPem, certPem: pem, purpose: 'sslserver' }),
        asClient: await opensslVerify({ rootPem: caPem, certPem: pem, purpose: 'sslclient' }),
      });
      const key = keyOf(cert);
      const host = cert.subjectAltName
        ?.split(', ')
        .find((s) => s.startsWith('DNS:') || s.startsWith('IP Address:'))
        ?.replace(/^DNS:|^IP Address:/, '');
      if (key && serverAuth && host && !server) server = { certPem: pem, keyPem: key, host };
      if (key && clientAuth && !serverAuth && !client) client = { certPem: pem, keyPem: key };
    }
    // A crank bundle gives out certificates only (the keys stay on the workers): nothing to shake hands with.
    if (keys.length === 0) return { files, caSubject: caCert.subject, leaves, handshake: null, keys: 0 };
    if (!server || !client)
      throw new Error('the bundle holds no node certificate with its key or no client certificate with its key');
    const handshake = await nodeTlsHandshake({
      server: { certPem: server.certPem, keyPem: server.keyPem, caPem },
      client: { certPem: client.certPem, keyPem: client.keyPem, caPem },
      serverName: server.host,
      // The judge's 10 s default is for an idle machine; CI shares two cores with a browser.
      timeoutMs: 30_000,
    });
    return { files, caSubject: caCert.subject, leaves, handshake, keys: keys.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
