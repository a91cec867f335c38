/**
 * Test fixture: a root, an intermediate and node/server/client leaves per key type, with every
 * key made once per test file (RSA 4096 takes seconds on two cores) and reused through the
 * core's "certify an existing key" parameter.
 */
import type { KeyAlgorithmId } from '../algorithms.ts';
import { createIntermediateCa, createRootCa, type CaResult } from '../ca.ts';
import { issueLeaf, type IssuedLeaf } from '../issue.ts';
import { exportPkcs8Pem, generateKeyPair } from '../keys.ts';
import type { LeafProfile } from '../profiles.ts';

export const ALL_ALGORITHMS: readonly KeyAlgorithmId[] = [
  'p256',
  'p384',
  'p521',
  'rsa2048',
  'rsa3072',
  'rsa4096',
  'ed25519',
];
export const ALL_PROFILES: readonly LeafProfile[] = ['node', 'server', 'client'];

/** The SANs each profile's leaf gets in the fixture (the CN adds "<profile>.test" for node/server). */
export const FIXTURE_SANS: Record<LeafProfile, string> = {
  node: '127.0.0.1 ::1 localhost node-alt.example',
  server: 'localhost, IP:127.0.0.1 *.svc.example',
  client: 'email:ops@example.com URI:spiffe://cluster.example/client',
};

export interface Hierarchy {
  algorithm: KeyAlgorithmId;
  root: CaResult;
  intermediate: CaResult;
  /** Leaves signed by the root directly. */
  underRoot: Record<LeafProfile, IssuedLeaf>;
  /** Leaves signed by the intermediate. */
  underIntermediate: Record<LeafProfile, IssuedLeaf>;
}

async function keyPems(alg: KeyAlgorithmId, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await exportPkcs8Pem((await generateKeyPair(alg)).privateKey));
  return out;
}

/** Build the whole hierarchy of one key type; 3 keys in all (the leaves share one: a key may be certified under several profiles). */
export async function buildHierarchy(
  algorithm: KeyAlgorithmId,
  opts: { keyPassphrase?: string } = {},
): Promise<Hierarchy> {
  const [rootKey, interKey, leafKey] = await keyPems(algorithm, 3);
  const root = await createRootCa({
    subject: { commonName: `Test Root ${algorithm}`, organization: 'certbench tests', country: 'DE' },
    keyPem: rootKey,
    pathLength: 1,
  });
  const intermediate = await createIntermediateCa(
    { subject: { commonName: `Test Intermediate ${algorithm}` }, keyPem: interKey },
    root,
  );
  const leaves = async (issuer: CaResult) => {
    const out = {} as Record<LeafProfile, IssuedLeaf>;
    for (const profile of ALL_PROFILES) {
      out[profile] = await issueLeaf(
        {
          profile,
          commonName: profile === 'client' ? `client-${algorithm}` : `${profile}.test`,
          sans: FIXTURE_SANS[profile],
          days: 30,
          keyPem: leafKey,
          keyPassphrase: opts.keyPassphrase,
        },
        issuer,
      );
    }
    return out;
  };
  return {
    algorithm,
    root,
    intermediate,
    underRoot: await leaves(root),
    underIntermediate: await leaves(intermediate),
  };
}
