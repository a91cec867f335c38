// What we issue, judged by tools we did not write: openssl verify/checkhost/checkip, a Node tls
// mTLS handshake and a Python ssl handshake with VERIFY_X509_STRICT, for every key type and
// profile, with and without an intermediate.
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ALGORITHMS, buildHierarchy, type Hierarchy } from './hierarchy.ts';
import {
  opensslCheckEmail,
  opensslCheckHost,
  opensslCheckIp,
  opensslDecryptKey,
  opensslVerify,
  type Purpose,
} from '../../test/judges/openssl.ts';
import { nodeTlsHandshake, type TlsParty } from '../../test/judges/node-tls.ts';
import { pythonSslHandshake } from '../../test/judges/python-ssl.ts';
import type { IssuedLeaf } from '../issue.ts';
import type { LeafProfile } from '../profiles.ts';
import { encryptPkcs8Pem } from '../pkcs8.ts';

const hierarchies = new Map<string, Hierarchy>();
beforeAll(async () => {
  for (const alg of ALL_ALGORITHMS) hierarchies.set(alg, await buildHierarchy(alg));
}, 180_000);

function fixture(alg: string): Hierarchy {
  const h = hierarchies.get(alg);
  if (!h) throw new Error(`no fixture for ${alg}`);
  return h;
}

type Where = 'underRoot' | 'underIntermediate';
const WHERE: readonly Where[] = ['underRoot', 'underIntermediate'];

/** What `openssl verify -purpose` must say per profile. */
const PURPOSES: Record<LeafProfile, Record<Purpose, boolean>> = {
  node: { sslserver: true, sslclient: true },
  server: { sslserver: true, sslclient: false },
  client: { sslserver: false, sslclient: true },
};

/** Every SAN of the fixture that must match, and one of each kind that must not. */
const MATCHES: Record<LeafProfile, { kind: 'host' | 'ip' | 'email'; value: string; want: boolean }[]> = {
  node: [
    { kind: 'host', value: 'node.test', want: true },
    { kind: 'host', value: 'localhost', want: true },
    { kind: 'host', value: 'node-alt.example', want: true },
    { kind: 'ip', value: '127.0.0.1', want: true },
    { kind: 'ip', value: '::1', want: true },
    { kind: 'host', value: 'other.example', want: false },
    { kind: 'ip', value: '10.9.9.9', want: false },
  ],
  server: [
    { kind: 'host', value: 'server.test', want: true },
    { kind: 'host', value: 'localhost', want: true },
    { kind: 'host', value: 'db.svc.example', want: true },
    { kind: 'ip', value: '127.0.0.1', want: true },
    { kind: 'host', value: 'a.b.svc.example', want: false },
    { kind: 'ip', value: '127.0.0.2', want: false },
  ],
  client: [
    { kind: 'email', value: 'ops@example.com', want: true },
    { kind: 'email', value: 'dev@example.com', want: false },
    { kind: 'host', value: 'localhost', want: false },
  ],
};

function leafOf(h: Hierarchy, where: Where, profile: LeafProfile): IssuedLeaf {
  return h[where][profile];
}

function party(leaf: IssuedLeaf, trust: Hierarchy): TlsParty {
  return { certPem: leaf.chainPem, keyPem: leaf.keyPem, caPem: trust.root.certPem };
}

for (const alg of ALL_ALGORITHMS) {
  describe(`${alg}`, () => {
    for (const where of WHERE) {
      for (const profile of ['node', 'server', 'client'] as const) {
        for (const purpose of ['sslserver', 'sslclient'] as const) {
          const want = PURPOSES[profile][purpose];
          it(`openssl verify -x509_strict -purpose ${purpose}: ${profile} ${where} → ${want ? 'OK' : 'refused'}`, async () => {
            const h = fixture(alg);
            const leaf = leafOf(h, where, profile);
            const v = await opensslVerify({
              rootPem: h.root.certPem,
              untrustedPem: leaf.chainPem,
              certPem: leaf.certPem,
              purpose,
            });
            expect(v.ok, v.output).toBe(want);
          });
        }
        it(`openssl -checkhost/-checkip/-checkemail: ${profile} ${where}`, async () => {
          const leaf = leafOf(fixture(alg), where, profile);
          for (const m of MATCHES[profile]) {
            const check = m.kind === 'host' ? opensslCheckHost : m.kind === 'ip' ? opensslCheckIp : opensslCheckEmail;
            expect(await check(leaf.certPem, m.value), `${m.kind} ${m.value}`).toBe(m.want);
          }
        });
      }
      it(`intermediate chain is needed: ${where}`, async () => {
        const h = fixture(alg);
        const leaf = leafOf(h, where, 'node');
        const v = await opensslVerify({ rootPem: h.root.certPem, certPem: leaf.certPem, purpose: 'sslserver' });
        expect(v.ok, v.output).toBe(where === 'underRoot');
      });

      const handshakes = [
        {
          name: 'server + client',
          server: 'server' as const,
          client: 'client' as const,
          serverName: 'localhost',
          foreignClient: false,
          want: true,
        },
        {
          name: 'node to node by IP',
          server: 'node' as const,
          client: 'node' as const,
          serverName: '127.0.0.1',
          foreignClient: false,
          want: true,
        },
        {
          name: 'client from another CA refused',
          server: 'server' as const,
          client: 'client' as const,
          serverName: 'localhost',
          foreignClient: true,
          want: false,
        },
        {
          name: 'server cert as client refused (no clientAuth)',
          server: 'server' as const,
          client: 'server' as const,
          serverName: 'localhost',
          foreignClient: false,
          want: false,
        },
      ];
      for (const hs of handshakes) {
        const opts = () => {
          const h = fixture(alg);
          const foreign = fixture(alg === 'p256' ? 'p384' : 'p256');
          const clientLeaf = leafOf(hs.foreignClient ? foreign : h, where, hs.client);
          return {
            server: party(leafOf(h, where, hs.server), h),
            client: party(clientLeaf, h),
            serverName: hs.serverName,
          };
        };
        it(`node tls mTLS ${where}: ${hs.name}`, async () => {
          const r = await nodeTlsHandshake(opts());
          expect(r.ok, JSON.stringify(r)).toBe(hs.want);
        });
        it(`python ssl VERIFY_X509_STRICT ${where}: ${hs.name}`, async () => {
          const r = await pythonSslHandshake(opts());
          expect(r.ok, JSON.stringify(r)).toBe(hs.want);
        });
      }
    }

    it('encrypted key opens with openssl pkey -passin and in a handshake, not with a wrong passphrase', async () => {
      const h = fixture(alg);
      const leaf = h.underIntermediate.node;
      const encrypted = await encryptPkcs8Pem(leaf.keyPem, 'correct horse', { iterations: 10_000 });
      expect(encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      const good = await opensslDecryptKey(encrypted, 'correct horse');
      expect(good.ok, good.output).toBe(true);
      expect(good.keyPem.replace(/\s/g, '')).toBe(leaf.keyPem.replace(/\s/g, ''));
      expect((await opensslDecryptKey(encrypted, 'wrong horse')).ok).toBe(false);
      const server = { ...party(leaf, h), keyPem: encrypted, passphrase: 'correct horse' };
      const r = await pythonSslHandshake({
        server,
        client: party(h.underIntermediate.client, h),
        serverName: '127.0.0.1',
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    });
  });
}
