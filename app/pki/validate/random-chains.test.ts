/**
 * Random hierarchies judged twice: every verdict of validatePath on a randomly shaped chain
 * (depth, path lengths, CA flags, keyCertSign, EKU, validity, presented order) must equal
 * `openssl verify -purpose` on the same files.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as x509 from '@peculiar/x509';
import { validatePath } from './index.ts';
import { makeCa, makeCert, newKey, type Issuer } from './test-kit.ts';

const KU = x509.KeyUsageFlags;
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';
const AT = new Date(Date.UTC(2026, 0, 1));

interface CaShape {
  pathLen: number | null;
  isCa: boolean;
  keyCertSign: boolean;
  expired: boolean;
}
interface Shape {
  cas: CaShape[];
  leafEku: 'server' | 'client' | 'both' | 'none';
  purpose: 'server' | 'client';
  leafExpired: boolean;
  shuffle: number;
}

/** true with the given weight out of 10: most chains should be nearly right, so each flaw is tested alone too. */
const mostly = (weight: number) =>
  fc.oneof({ weight, arbitrary: fc.constant(true) }, { weight: 10 - weight, arbitrary: fc.constant(false) });

const caShape = fc.record({
  pathLen: fc.option(fc.integer({ min: 0, max: 2 })),
  isCa: mostly(9),
  keyCertSign: mostly(9),
  expired: mostly(1),
});
const shape: fc.Arbitrary<Shape> = fc.record({
  cas: fc.array(caShape, { minLength: 0, maxLength: 3 }),
  leafEku: fc.constantFrom('server' as const, 'client' as const, 'both' as const, 'none' as const),
  purpose: fc.constantFrom('server' as const, 'client' as const),
  leafExpired: mostly(1),
  shuffle: fc.nat(),
});

function opensslVerdict(
  root: x509.X509Certificate,
  inters: x509.X509Certificate[],
  leaf: x509.X509Certificate,
  purpose: string,
): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'rand-'));
  writeFileSync(join(dir, 'ca.pem'), root.toString('pem'));
  writeFileSync(join(dir, 'int.pem'), inters.map((c) => c.toString('pem')).join('\n') || '\n');
  writeFileSync(join(dir, 'leaf.pem'), leaf.toString('pem'));
  const args = [
    'verify',
    '-attime',
    String(AT.getTime() / 1000),
    '-purpose',
    purpose === 'server' ? 'sslserver' : 'sslclient',
    '-CAfile',
    join(dir, 'ca.pem'),
  ];
  if (inters.length) args.push('-untrusted', join(dir, 'int.pem'));
  try {
    execFileSync('openssl', [...args, join(dir, 'leaf.pem')], { stdio: 'pipe' });
    return true;
  } catch (e) {
    if ((e as { status?: number }).status === undefined)
      throw new Error('openssl is missing (apt-get install openssl)', { cause: e });
    return false;
  }
}

describe('random hierarchies: validatePath agrees with openssl verify', () => {
  it('60 random chains', async () => {
    const root = await makeCa('CN=Random Root');
    const leafKeys = await newKey();
    const verdicts = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        let issuer: Issuer = root;
        const inters: x509.X509Certificate[] = [];
        for (const [i, c] of s.cas.entries()) {
          const keys = await newKey();
          const cert = await makeCert({
            subject: `CN=Random CA ${i}`,
            keys,
            issuer,
            ca: c.isCa ? (c.pathLen ?? true) : false,
            keyUsage: c.keyCertSign ? KU.keyCertSign | KU.cRLSign : KU.cRLSign,
            ...(c.expired ? { notAfter: new Date(Date.UTC(2025, 5, 1)) } : {}),
          });
          inters.push(cert);
          issuer = { cert, keys };
        }
        const eku =
          s.leafEku === 'both'
            ? [SERVER, CLIENT]
            : s.leafEku === 'server'
              ? [SERVER]
              : s.leafEku === 'client'
                ? [CLIENT]
                : undefined;
        const leaf = await makeCert({
          subject: 'CN=random.example',
          keys: leafKeys,
          issuer,
          ca: false,
          keyUsage: KU.digitalSignature,
          san: [{ type: 'dns', value: 'random.example' }],
          ...(eku ? { eku } : {}),
          ...(s.leafExpired ? { notAfter: new Date(Date.UTC(2025, 5, 1)) } : {}),
        });
        const pool = [...inters];
        for (let i = pool.length - 1; i > 0; i--) {
          const j = (s.shuffle + i * 7) % (i + 1);
          [pool[i], pool[j]] = [pool[j] as x509.X509Certificate, pool[i] as x509.X509Certificate];
        }
        const ours = await validatePath({
          leaf,
          intermediates: pool,
          anchors: [root.cert],
          at: AT,
          purpose: s.purpose,
        });
        expect(ours.valid, JSON.stringify({ s, findings: ours.findings })).toBe(
          opensslVerdict(root.cert, pool, leaf, s.purpose),
        );
        verdicts.add(ours.valid);
      }),
      { numRuns: 60 },
    );
    expect([...verdicts].sort()).toEqual([false, true]); // both outcomes were exercised
  }, 120_000);
});
