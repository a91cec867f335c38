/**
 * A CA run by `openssl ca` in a temporary folder, for tests that need what only a CA database
 * gives: revocation and CRLs (`openssl ca -revoke`, `-gencrl`). Certificates are EC P-256 under
 * /CN=CRL Test CA; several CA key pairs may share that name (a forged CRL signer).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './tools.ts';

const CONFIG = `
[ ca ]
default_ca = CA_default
[ CA_default ]
database = index.txt
new_certs_dir = .
serial = serial
crlnumber = crlnumber
default_md = sha256
default_days = 30
default_crl_days = 7
policy = policy_any
unique_subject = no
x509_extensions = leaf_ext
[ policy_any ]
commonName = supplied
[ leaf_ext ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ crl_ext ]
authorityKeyIdentifier = keyid
`;

export interface OpensslCa {
  dir: string;
  /** Path of a file in the CA's folder. */
  path(name: string): string;
  /** A self-signed CA, files NAME.crt and NAME.key, named /CN=CRL Test CA unless `cn` says otherwise; "ca" signs leaves. */
  makeCa(name: string, cn?: string): void;
  /** A leaf CN under "ca", files CN.crt and CN.key. */
  issueLeaf(cn: string): void;
  revoke(cn: string, reason: string): void;
  /** A CRL over the database signed by the CA files `signer`: OUT.pem and OUT.der; returns the DER. */
  gencrl(signer: string, out: string, validity?: string[]): Uint8Array;
  remove(): void;
}

export function opensslCa(): OpensslCa {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-crl-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => {
    const r = run('openssl', args, { cwd: dir });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  };
  writeFileSync(path('ca.cnf'), CONFIG);
  writeFileSync(path('index.txt'), '');
  writeFileSync(path('serial'), '1000\n');
  writeFileSync(path('crlnumber'), '01\n');
  return {
    dir,
    path,
    makeCa(name, cn = 'CRL Test CA') {
      openssl(
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
        '-days',
        '30',
        '-subj',
        `/CN=${cn}`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      );
    },
    issueLeaf(cn) {
      openssl(
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${cn}.key`,
        '-out',
        `${cn}.csr`,
        '-subj',
        `/CN=${cn}`,
      );
      openssl(
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.crt',
        '-keyfile',
        'ca.key',
        '-in',
        `${cn}.csr`,
        '-out',
        `${cn}.crt`,
        '-notext',
      );
    },
    revoke(cn, reason) {
      openssl(
        'ca',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.crt',
        '-keyfile',
        'ca.key',
        '-revoke',
        `${cn}.crt`,
        '-crl_reason',
        reason,
      );
    },
    gencrl(signer, out, validity = []) {
      openssl(
        'ca',
        '-gencrl',
        '-config',
        'ca.cnf',
        '-cert',
        `${signer}.crt`,
        '-keyfile',
        `${signer}.key`,
        '-crlexts',
        'crl_ext',
        ...validity,
        '-out',
        `${out}.pem`,
      );
      openssl('crl', '-in', `${out}.pem`, '-outform', 'der', '-out', `${out}.der`);
      return new Uint8Array(readFileSync(path(`${out}.der`)));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The usual revocation fixture: CA "ca", leaves "revoked-leaf" (revoked, keyCompromise) and
 * "good-leaf", and the CA's CRL over both as crl.pem and crl.der.
 */
export function opensslCaWithRevokedLeaf(): OpensslCa {
  const ca = opensslCa();
  ca.makeCa('ca');
  ca.issueLeaf('revoked-leaf');
  ca.issueLeaf('good-leaf');
  ca.revoke('revoked-leaf', 'keyCompromise');
  ca.gencrl('ca', 'crl');
  return ca;
}
