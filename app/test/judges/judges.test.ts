// The judges judged: certificates made by openssl itself must pass them, and ones from another
// CA, for another host, or without the right EKU must fail them. A judge that always said "ok"
// would make every interop test worthless.
import { describe, expect, it, beforeAll } from 'vitest';
import { run, withFiles } from './tools.ts';
import {
  opensslVerify,
  opensslCheckHost,
  opensslCheckIp,
  opensslReqVerify,
  opensslMakeCsr,
  opensslDecryptKey,
} from './openssl.ts';
import { nodeTlsHandshake, type TlsParty } from './node-tls.ts';
import { pythonSslHandshake } from './python-ssl.ts';

interface Pki {
  caPem: string;
  server: { certPem: string; keyPem: string };
  client: { certPem: string; keyPem: string };
  noAki: { certPem: string; keyPem: string };
}

/** A CA, a server cert (localhost, 127.0.0.1) and a client cert, all by openssl. */
function opensslPki(): Promise<Pki> {
  return withFiles({}, (_d, p) => {
    const ext = (name: string, body: string) => {
      run('sh', ['-c', `cat > ${p(name)} <<'X'\n${body}\nX`]);
      return p(name);
    };
    const ok = (args: string[]) => {
      const r = run('openssl', args);
      if (r.status !== 0) throw new Error(r.stderr);
    };
    ok([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      p('ca.key'),
      '-out',
      p('ca.crt'),
      '-subj',
      '/CN=Judge CA',
      '-days',
      '2',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    const leaf = (name: string, eku: string, san: string) => {
      ok([
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        p(`${name}.key`),
        '-out',
        p(`${name}.csr`),
        '-subj',
        `/CN=${name}`,
      ]);
      const e = ext(
        `${name}.ext`,
        `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${eku}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n${san ? `subjectAltName=${san}` : ''}`,
      );
      ok([
        'x509',
        '-req',
        '-in',
        p(`${name}.csr`),
        '-CA',
        p('ca.crt'),
        '-CAkey',
        p('ca.key'),
        '-CAcreateserial',
        '-days',
        '1',
        '-extfile',
        e,
        '-out',
        p(`${name}.crt`),
      ]);
    };
    leaf('server', 'serverAuth', 'DNS:localhost,IP:127.0.0.1');
    leaf('client', 'clientAuth', '');
    // What VERIFY_X509_STRICT refuses and plain verification accepts: no key identifiers.
    ok([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      p('noaki.key'),
      '-out',
      p('noaki.csr'),
      '-subj',
      '/CN=noaki',
    ]);
    const e = ext(
      'noaki.ext',
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none',
    );
    ok([
      'x509',
      '-req',
      '-in',
      p('noaki.csr'),
      '-CA',
      p('ca.crt'),
      '-CAkey',
      p('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      e,
      '-out',
      p('noaki.crt'),
    ]);
    const read = (f: string) => run('cat', [p(f)]).stdout;
    return {
      caPem: read('ca.crt'),
      server: { certPem: read('server.crt'), keyPem: read('server.key') },
      client: { certPem: read('client.crt'), keyPem: read('client.key') },
      noAki: { certPem: read('noaki.crt'), keyPem: read('noaki.key') },
    };
  });
}

let a: Pki;
let b: Pki;
beforeAll(async () => {
  a = await opensslPki();
  b = await opensslPki();
});

const party = (pki: Pki, who: 'server' | 'client' | 'noAki', trust: Pki): TlsParty => ({
  ...pki[who],
  caPem: trust.caPem,
});

describe('openssl judges', () => {
  const verifyRows = [
    {
      name: 'server cert for sslserver',
      input: () => ({ rootPem: a.caPem, certPem: a.server.certPem, purpose: 'sslserver' as const }),
      want: true,
    },
    {
      name: 'client cert for sslclient',
      input: () => ({ rootPem: a.caPem, certPem: a.client.certPem, purpose: 'sslclient' as const }),
      want: true,
    },
    {
      name: 'client cert refused for sslserver',
      input: () => ({ rootPem: a.caPem, certPem: a.client.certPem, purpose: 'sslserver' as const }),
      want: false,
    },
    {
      name: 'cert from another CA refused',
      input: () => ({ rootPem: b.caPem, certPem: a.server.certPem, purpose: 'sslserver' as const }),
      want: false,
    },
  ];
  for (const row of verifyRows) {
    it(`verify: ${row.name}`, async () => {
      const v = await opensslVerify(row.input());
      expect(v.ok, v.output).toBe(row.want);
    });
  }
  const matchRows = [
    { name: 'host localhost', input: ['host', 'localhost'], want: true },
    { name: 'host other.example', input: ['host', 'other.example'], want: false },
    { name: 'ip 127.0.0.1', input: ['ip', '127.0.0.1'], want: true },
    { name: 'ip 127.0.0.2', input: ['ip', '127.0.0.2'], want: false },
  ];
  for (const row of matchRows) {
    it(`check: ${row.name}`, async () => {
      const [kind, value] = row.input as [string, string];
      const got =
        kind === 'host'
          ? await opensslCheckHost(a.server.certPem, value)
          : await opensslCheckIp(a.server.certPem, value);
      expect(got).toBe(row.want);
    });
  }
  it('req -verify accepts an openssl CSR and refuses a damaged one', async () => {
    const { csrPem } = await opensslMakeCsr({ cn: 'x', san: 'DNS:x.example' });
    expect((await opensslReqVerify(csrPem)).ok).toBe(true);
    const lines = csrPem.trim().split('\n');
    const i = lines.length - 3; // inside the signature
    lines[i] = (lines[i] ?? '').replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await opensslReqVerify(lines.join('\n'))).ok).toBe(false);
  });
  it('pkey -passin opens only with the right passphrase', async () => {
    const enc = await withFiles(
      { 'k.pem': a.server.keyPem },
      (_d, p) => run('openssl', ['pkey', '-in', p('k.pem'), '-aes-256-cbc', '-passout', 'pass:s3cret']).stdout,
    );
    expect((await opensslDecryptKey(enc, 's3cret')).ok).toBe(true);
    expect((await opensslDecryptKey(enc, 'wrong')).ok).toBe(false);
  });
});

describe('handshake judges', () => {
  const rows = [
    {
      name: 'same CA both ways',
      input: () => ({ server: party(a, 'server', a), client: party(a, 'client', a), serverName: 'localhost' }),
      want: true,
    },
    {
      name: 'by IP',
      input: () => ({ server: party(a, 'server', a), client: party(a, 'client', a), serverName: '127.0.0.1' }),
      want: true,
    },
    {
      name: 'client from another CA refused',
      input: () => ({ server: party(a, 'server', a), client: party(b, 'client', a), serverName: 'localhost' }),
      want: false,
    },
    {
      name: 'server from another CA refused',
      input: () => ({ server: party(b, 'server', b), client: party(a, 'client', a), serverName: 'localhost' }),
      want: false,
    },
    {
      name: 'wrong host name refused',
      input: () => ({ server: party(a, 'server', a), client: party(a, 'client', a), serverName: 'other.example' }),
      want: false,
    },
  ];
  it('strictness: a client without key identifiers passes Node but not Python VERIFY_X509_STRICT', async () => {
    const opts = { server: party(a, 'server', a), client: party(a, 'noAki', a), serverName: 'localhost' };
    const node = await nodeTlsHandshake(opts);
    expect(node.ok, JSON.stringify(node)).toBe(true);
    const py = await pythonSslHandshake(opts);
    expect(py.ok, JSON.stringify(py)).toBe(false);
    expect(py.serverError ?? '').toMatch(/Authority Key Identifier/i);
  });
  for (const row of rows) {
    it(`node tls: ${row.name}`, async () => {
      const r = await nodeTlsHandshake(row.input());
      expect(r.ok, JSON.stringify(r)).toBe(row.want);
    });
    it(`python ssl strict: ${row.name}`, async () => {
      const r = await pythonSslHandshake(row.input());
      expect(r.ok, JSON.stringify(r)).toBe(row.want);
    });
  }
});
