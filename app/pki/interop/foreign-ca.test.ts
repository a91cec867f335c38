// CAs made by openssl, the way the guides in ../shared/seeds make them, issue through certbench:
// PKCS#8 keys, OpenSSL 1.x "RSA PRIVATE KEY" and `ecparam -genkey` "EC PRIVATE KEY" files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { issueLeaf } from '../issue.ts';
import { run, withFiles } from '../../test/judges/tools.ts';
import { opensslVerify } from '../../test/judges/openssl.ts';
import { pythonSslHandshake } from '../../test/judges/python-ssl.ts';

interface OpensslCa {
  certPem: string;
  keyPem: string;
}

function opensslCa(keyCmd: string[][], subj: string): Promise<OpensslCa> {
  return withFiles({}, (_d, p) => {
    for (const cmd of keyCmd) {
      const r = run(
        'openssl',
        cmd.map((a) => a.replace('KEY', p('ca.key'))),
      );
      if (r.status !== 0) throw new Error(r.stderr);
    }
    const r = run('openssl', [
      'req',
      '-x509',
      '-key',
      p('ca.key'),
      '-out',
      p('ca.crt'),
      '-days',
      '30',
      '-subj',
      subj,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    if (r.status !== 0) throw new Error(r.stderr);
    return { certPem: readFileSync(p('ca.crt'), 'utf8'), keyPem: readFileSync(p('ca.key'), 'utf8') };
  });
}

const rows = [
  {
    name: 'RSA 2048, PKCS#8 (OpenSSL 3 genpkey)',
    input: [['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'KEY']],
    wantLabel: 'PRIVATE KEY',
  },
  {
    name: 'RSA 2048, traditional (OpenSSL 1.x genrsa)',
    input: [['genrsa', '-traditional', '-out', 'KEY', '2048']],
    wantLabel: 'RSA PRIVATE KEY',
  },
  {
    name: 'P-256, SEC1 (ecparam -genkey)',
    input: [['ecparam', '-genkey', '-name', 'prime256v1', '-noout', '-out', 'KEY']],
    wantLabel: 'EC PRIVATE KEY',
  },
  { name: 'Ed25519', input: [['genpkey', '-algorithm', 'ED25519', '-out', 'KEY']], wantLabel: 'PRIVATE KEY' },
];

describe('openssl-made CAs issue through certbench', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const ca = await opensslCa(row.input, '/C=DE/O=Example Org/CN=OpenSSL CA');
      expect(ca.keyPem).toMatch(new RegExp(`BEGIN ${row.wantLabel}-----`));
      const material = { certPem: ca.certPem, keyPem: ca.keyPem, chainPem: '' };
      const server = await issueLeaf(
        { profile: 'server', commonName: 'localhost', sans: '127.0.0.1', days: 10 },
        material,
      );
      const client = await issueLeaf({ profile: 'client', commonName: 'alice', days: 10 }, material);
      const v = await opensslVerify({ rootPem: ca.certPem, certPem: server.certPem, purpose: 'sslserver' });
      expect(v.ok, v.output).toBe(true);
      const hs = await pythonSslHandshake({
        server: { certPem: server.chainPem, keyPem: server.keyPem, caPem: ca.certPem },
        client: { certPem: client.chainPem, keyPem: client.keyPem, caPem: ca.certPem },
        serverName: 'localhost',
      });
      expect(hs.ok, JSON.stringify(hs)).toBe(true);
    });
  }
});
