/**
 * CRLs certbench issues, judged by tools we did not write: `openssl crl -verify` accepts them,
 * `openssl verify -crl_check` and a Python `ssl` server with VERIFY_CRL_CHECK_LEAF refuse the
 * revoked client and accept the other, and certbench's own validator agrees with both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SubjectKeyIdentifierExtension, X509Certificate } from '@peculiar/x509';
import { createIntermediateCa, createRootCa, type CaResult } from './ca.ts';
import type { KeyAlgorithmId } from './algorithms.ts';
import { issueCrl, type IssuedCrl } from './crl.ts';
import { issueLeaf, type IssuedLeaf } from './issue.ts';
import { leafFacts } from './leaf-facts.ts';
import {
  addRevocation,
  emptyRevocationList,
  parseRevocationList,
  formatRevocationList,
  type RevocationList,
} from './revocation-list.ts';
import { validatePath } from './validate/index.ts';
import { run, withFiles } from '../test/judges/tools.ts';
import { pythonSslHandshake } from '../test/judges/python-ssl.ts';
import { nodeTlsHandshake } from '../test/judges/node-tls.ts';

let ca: CaResult;
let server: IssuedLeaf;
let clients: Record<'revoked' | 'good', IssuedLeaf>;
let list: RevocationList;
let first: IssuedCrl;
let second: IssuedCrl;
const THIS_UPDATE = new Date(Date.now() - 60_000);

beforeAll(async () => {
  ca = await createRootCa({ subject: { commonName: 'CRL Issuing CA' } });
  server = await issueLeaf({ profile: 'server', commonName: 'localhost', sans: '127.0.0.1' }, ca);
  clients = {
    // A SAN for each client: certbench's validator calls a leaf without one an error for any purpose.
    revoked: await issueLeaf({ profile: 'client', commonName: 'revoked-client', sans: 'revoked-client.example' }, ca),
    good: await issueLeaf({ profile: 'client', commonName: 'good-client', sans: 'good-client.example' }, ca),
  };
  const facts = leafFacts(clients.revoked.certPem);
  list = addRevocation(emptyRevocationList(), {
    serial: facts.serial,
    subject: facts.subject,
    revokedAt: new Date().toISOString(),
    reason: 'keyCompromise',
  });
  first = await issueCrl(ca, list, { thisUpdate: THIS_UPDATE });
  second = await issueCrl(ca, first.list, { days: 1 });
}, 60_000);

function openssl(files: Record<string, string | Uint8Array>, args: (p: (n: string) => string) => string[]) {
  return withFiles(files, (_d, p) => run('openssl', args(p)));
}

describe('CRL v2 as openssl reads it', () => {
  it('openssl crl -verify accepts the PEM and the DER form', async () => {
    for (const [name, data, form] of [
      ['crl.pem', first.pem, 'PEM'],
      ['crl.der', first.der, 'DER'],
    ] as const) {
      const r = await openssl({ 'ca.crt': ca.certPem, [name]: data }, (p) => [
        'crl',
        '-inform',
        form,
        '-in',
        p(name),
        '-CAfile',
        p('ca.crt'),
        '-verify',
        '-noout',
      ]);
      expect(`${r.status} ${r.stderr.trim()}`).toBe('0 verify OK');
    }
  });

  it('carries version 2, AKI = the CA key id, CRL number 1, a week to nextUpdate, and the reason', async () => {
    const r = await openssl({ 'crl.pem': first.pem }, (p) => ['crl', '-in', p('crl.pem'), '-noout', '-text']);
    const text = r.stdout;
    expect(text).toMatch(/Version 2 \(0x1\)/);
    expect(text).toMatch(/X509v3 CRL Number: \n\s+1\n/);
    const ski = new X509Certificate(ca.certPem).getExtension(SubjectKeyIdentifierExtension)?.keyId;
    expect(ski).toMatch(/^[0-9a-f]{40}$/);
    expect(
      /Authority Key Identifier: \n\s+(?:keyid:)?([0-9A-F:]+)/.exec(text)?.[1]?.replace(/:/g, '').toLowerCase(),
    ).toBe(ski);
    expect(text).toMatch(/Key Compromise/);
    expect(new Date(first.nextUpdate).getTime() - new Date(first.thisUpdate).getTime()).toBe(7 * 86_400_000);
    expect(first.thisUpdate).toBe(new Date(Math.floor(THIS_UPDATE.getTime() / 1000) * 1000).toISOString());
  });

  it('the next CRL has the next number and its own lifetime', async () => {
    expect([first.crlNumber, second.crlNumber, second.list.crlNumber]).toEqual([1, 2, 2]);
    const r = await openssl({ 'crl.pem': second.pem }, (p) => ['crl', '-in', p('crl.pem'), '-noout', '-crlnumber']);
    expect(r.stdout.trim()).toBe('crlNumber=0x02');
    expect(new Date(second.nextUpdate).getTime() - new Date(second.thisUpdate).getTime()).toBe(86_400_000);
  });
});

describe('the revoked client is refused and the other accepted, by every judge', () => {
  const rows = [
    { name: 'revoked client', client: 'revoked', accepted: false },
    { name: 'good client', client: 'good', accepted: true },
  ] as const;

  for (const row of rows) {
    it(`${row.name}: openssl verify -crl_check`, async () => {
      const r = await openssl(
        { 'ca.crt': ca.certPem, 'crl.pem': first.pem, 'leaf.crt': clients[row.client].certPem },
        (p) => [
          'verify',
          '-crl_check',
          '-x509_strict',
          '-purpose',
          'sslclient',
          '-CAfile',
          p('ca.crt'),
          '-CRLfile',
          p('crl.pem'),
          p('leaf.crt'),
        ],
      );
      expect(r.status === 0, r.stdout + r.stderr).toBe(row.accepted);
      if (!row.accepted) expect(r.stdout + r.stderr).toMatch(/certificate revoked/);
    });

    it(`${row.name}: a Python ssl server with VERIFY_CRL_CHECK_LEAF, in a real handshake`, async () => {
      const result = await pythonSslHandshake({
        server: { certPem: server.chainPem, keyPem: server.keyPem, caPem: ca.certPem, crlPem: first.pem },
        client: { certPem: clients[row.client].chainPem, keyPem: clients[row.client].keyPem, caPem: ca.certPem },
        serverName: 'localhost',
      });
      expect(result.ok, JSON.stringify(result)).toBe(row.accepted);
      if (!row.accepted) expect(result.serverError).toMatch(/certificate revoked/);
    });

    it(`${row.name}: a Node tls server given the CRL`, async () => {
      const result = await nodeTlsHandshake({
        server: { certPem: server.chainPem, keyPem: server.keyPem, caPem: ca.certPem, crlPem: first.pem },
        client: { certPem: clients[row.client].chainPem, keyPem: clients[row.client].keyPem, caPem: ca.certPem },
        serverName: 'localhost',
      });
      expect(result.ok, JSON.stringify(result)).toBe(row.accepted);
    });

    it(`${row.name}: certbench's validatePath with the CRL agrees`, async () => {
      const result = await validatePath({
        leaf: new X509Certificate(clients[row.client].certPem),
        anchors: [new X509Certificate(ca.certPem)],
        purpose: 'client',
        crls: [first.der],
      });
      expect(result.valid, result.findings.map((f) => f.code).join()).toBe(row.accepted);
      expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(
        row.accepted ? [] : ['revoked'],
      );
    });
  }
});

describe('CRLs of other CAs', () => {
  for (const algorithm of ['p384', 'rsa2048', 'ed25519'] as KeyAlgorithmId[]) {
    it(`a ${algorithm} CA signs a CRL openssl crl -verify accepts`, async () => {
      const other = await createRootCa({ subject: { commonName: `CRL ${algorithm} CA` }, algorithm });
      const crl = await issueCrl(other, emptyRevocationList());
      const r = await openssl({ 'ca.crt': other.certPem, 'crl.pem': crl.pem }, (p) => [
        'crl',
        '-in',
        p('crl.pem'),
        '-CAfile',
        p('ca.crt'),
        '-verify',
        '-noout',
      ]);
      expect(`${r.status} ${r.stderr.trim()}`).toBe('0 verify OK');
    });
  }

  it("an intermediate's CRL: openssl verify -crl_check refuses its revoked leaf and accepts the other", async () => {
    const inter = await createIntermediateCa({ subject: { commonName: 'CRL Intermediate' } }, ca);
    const [bad, fine] = [
      await issueLeaf({ profile: 'server', commonName: 'bad.example' }, inter),
      await issueLeaf({ profile: 'server', commonName: 'fine.example' }, inter),
    ];
    const facts = leafFacts(bad.certPem);
    const crl = await issueCrl(
      inter,
      addRevocation(emptyRevocationList(), {
        serial: facts.serial,
        subject: facts.subject,
        revokedAt: new Date().toISOString(),
        reason: 'superseded',
      }),
    );
    for (const [leaf, accepted] of [
      [bad, false],
      [fine, true],
    ] as const) {
      const r = await openssl(
        { 'root.crt': ca.certPem, 'inter.crt': inter.certPem, 'crl.pem': crl.pem, 'leaf.crt': leaf.certPem },
        (p) => [
          'verify',
          '-crl_check',
          '-CAfile',
          p('root.crt'),
          '-untrusted',
          p('inter.crt'),
          '-CRLfile',
          p('crl.pem'),
          p('leaf.crt'),
        ],
      );
      expect(r.status === 0, r.stdout + r.stderr).toBe(accepted);
    }
  });
});

describe('revocation list', () => {
  it('round-trips through its JSON file form', () => {
    expect(parseRevocationList(formatRevocationList(first.list))).toEqual(first.list);
  });

  const bad = [
    { name: 'not JSON', input: '{', field: 'revocations' },
    { name: 'wrong format', input: '{"format":"x","crlNumber":0,"revoked":[]}', field: 'format' },
    {
      name: 'negative CRL number',
      input: '{"format":"certbench-revocations/1","crlNumber":-1,"revoked":[]}',
      field: 'crlNumber',
    },
    {
      name: 'unknown reason',
      input:
        '{"format":"certbench-revocations/1","crlNumber":0,"revoked":[{"serial":"01","subject":"CN=a","revokedAt":"2026-01-01T00:00:00Z","reason":"lost"}]}',
      field: 'revoked[0].reason',
    },
    {
      name: 'serial not hex',
      input:
        '{"format":"certbench-revocations/1","crlNumber":0,"revoked":[{"serial":"xy","subject":"CN=a","revokedAt":"2026-01-01T00:00:00Z","reason":"superseded"}]}',
      field: 'revoked[0].serial',
    },
    {
      name: 'serial twice',
      input:
        '{"format":"certbench-revocations/1","crlNumber":0,"revoked":[{"serial":"01","subject":"CN=a","revokedAt":"2026-01-01T00:00:00Z","reason":"superseded"},{"serial":"0001","subject":"CN=a","revokedAt":"2026-01-01T00:00:00Z","reason":"superseded"}]}',
      field: 'revoked[1].serial',
    },
    {
      name: 'date not a date',
      input:
        '{"format":"certbench-revocations/1","crlNumber":0,"revoked":[{"serial":"01","subject":"CN=a","revokedAt":"soon","reason":"superseded"}]}',
      field: 'revoked[0].revokedAt',
    },
  ];
  for (const row of bad) {
    it(`refuses ${row.name}, naming ${row.field}`, () => {
      expect(() => parseRevocationList(row.input)).toThrow(expect.objectContaining({ field: row.field }) as Error);
    });
  }

  it('revoking a serial twice is an error on cert', () => {
    const entry = list.revoked[0];
    if (!entry) throw new Error('fixture has no revocation');
    expect(() => addRevocation(list, { ...entry, reason: 'superseded' })).toThrow(
      expect.objectContaining({ code: 'exists', field: 'cert' }) as Error,
    );
  });

  it('a CRL lifetime outside 1..36500 days is an error on days', async () => {
    await expect(issueCrl(ca, list, { days: 0 })).rejects.toMatchObject({ field: 'days' });
  });
});
