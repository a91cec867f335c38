// certificateMeta reads the workspace facts from the one certificate model (a TLV read) and only
// the names with @peculiar/x509; the facts must be those of the full @peculiar/x509 read
// (certificateFactsByX509, what the workspace showed before) for every key type, for names that
// need escaping, serials with the sign pad, certbench's own certificates and openssl's.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithmId } from '../pki/algorithms.ts';
import { createIntermediateCa, createRootCa, type CaResult } from '../pki/ca.ts';
import { issueLeaf } from '../pki/issue.ts';
import { pemDecodeAll } from '../pki/pem.ts';
import { run, withFiles } from '../test/judges/tools.ts';
import { certificateFactsByX509, certificateMeta } from './issuing-meta.ts';

const der = (pem: string) => pemDecodeAll(pem).blocks[0]?.der ?? new ArrayBuffer(0);

/** A name with what RFC 4514 text escapes: a comma, a plus, a leading '#', a trailing space, non-ASCII. */
const HARD_SUBJECT = {
  commonName: '#Root, Inc + Co ',
  organization: 'Ünïcode "Quoted"; <Org>',
  organizationalUnit: 'ops\\infra',
  country: 'DE',
};

const ALGORITHMS: KeyAlgorithmId[] = ['p256', 'p384', 'p521', 'rsa2048', 'ed25519'];

describe('certificateMeta = the full @peculiar/x509 read', () => {
  const made = new Map<KeyAlgorithmId, { root: CaResult; intermediate: CaResult; leaves: string[] }>();
  beforeAll(async () => {
    for (const algorithm of ALGORITHMS) {
      const root = await createRootCa({ subject: HARD_SUBJECT, algorithm, days: 36_500 });
      const intermediate = await createIntermediateCa(
        { subject: { commonName: 'Issuing CA', organization: 'Ops' }, algorithm, days: 365 },
        root,
      );
      const leaves = await Promise.all(
        [
          // Top bit set: the INTEGER carries a 0x00 pad, which the text leaves out.
          { serialHex: '80' + '11'.repeat(15), commonName: 'db_1', sans: 'db-1.example', profile: 'node' as const },
          { serialHex: '0102030405', commonName: 'app', profile: 'client' as const },
          // Past 2049: GeneralizedTime.
          { serialHex: undefined, commonName: 'long.example', profile: 'server' as const, days: 30_000 },
        ].map(
          async (l) =>
            (
              await issueLeaf(
                {
                  profile: l.profile,
                  commonName: l.commonName,
                  ...(l.sans ? { sans: l.sans } : {}),
                  algorithm,
                  days: l.days ?? 90,
                  ...(l.serialHex ? { serialHex: l.serialHex } : {}),
                },
                l.days ? root : intermediate,
              )
            ).certPem,
        ),
      );
      made.set(algorithm, { root, intermediate, leaves });
    }
  }, 120_000);

  for (const algorithm of ALGORITHMS)
    it(`${algorithm}: root, intermediate and leaves certbench made`, () => {
      const m = made.get(algorithm);
      if (!m) throw new Error('fixture missing');
      for (const pem of [m.root.certPem, m.intermediate.certPem, ...m.leaves])
        expect(certificateMeta(pem)).toEqual(certificateFactsByX509(der(pem)));
    });

  const opensslKeys: { name: string; newkey: string[]; light: boolean }[] = [
    { name: 'RSA 3072', newkey: ['-newkey', 'rsa:3072'], light: true },
    { name: 'EC P-384', newkey: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], light: true },
    // Keys the light read does not name: the full read answers.
    { name: 'EC secp256k1', newkey: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp256k1'], light: false },
    { name: 'Ed448', newkey: ['-newkey', 'ed448'], light: false },
    { name: 'RSA-PSS', newkey: ['-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048'], light: false },
  ];
  for (const row of opensslKeys)
    it(`openssl's ${row.name} certificate (UTF8String names, several RDNs)`, async () => {
      const pem = await withFiles({}, (dir, path) => {
        const r = run(
          'openssl',
          [
            'req',
            '-x509',
            ...row.newkey,
            '-nodes',
            '-keyout',
            path('k.pem'),
            '-out',
            path('c.pem'),
            '-days',
            '10',
            '-subj',
            '/C=FR/O=Acme+OU=Lab/CN=outside.example',
          ],
          { cwd: dir },
        );
        if (r.status !== 0) throw new Error(r.stderr);
        return run('cat', [path('c.pem')]).stdout;
      });
      const meta = certificateMeta(pem);
      expect(meta).toEqual(certificateFactsByX509(der(pem)));
      if (row.light) expect(meta.keyAlgorithm).toBe(row.name.replace('EC ', 'ECDSA '));
    });

  it('the extra facts and SANs are added as before', () => {
    const m = made.get('p256');
    const pem = m?.leaves[0];
    if (!pem) throw new Error('fixture missing');
    expect(certificateMeta(pem, { profile: 'node' }, [{ kind: 'dns', value: 'db_1.example' }])).toEqual({
      ...certificateFactsByX509(der(pem)),
      profile: 'node',
      sans: [{ kind: 'dns', value: 'db_1.example' }],
    });
  });
});
