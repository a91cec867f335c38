/**
 * Judging never throws on real or malformed certificates: every certificate of the zlint
 * corpus (many deliberately broken) and of the system CA bundle goes through lint, path
 * validation and relations; only results come out.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from '@peculiar/x509';
import { pemDecodeAll } from '../pem.ts';
import { lintCertificate } from '../lint/index.ts';
import { validatePath } from './index.ts';
import { relate } from '../relations/index.ts';
import { vectorDir } from '../../test/vectors.ts';

const ZLINT = vectorDir('zlint-testdata');
const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function pemFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? pemFiles(p) : name.endsWith('.pem') ? [p] : [];
  });
}

function certificatesIn(text: string): { der: ArrayBuffer; cert: X509Certificate | null }[] {
  return pemDecodeAll(text)
    .blocks.filter((b) => b.label === 'CERTIFICATE')
    .map((b) => {
      try {
        return { der: b.der, cert: new X509Certificate(b.der) };
      } catch {
        return { der: b.der, cert: null };
      }
    });
}

function bundle(): string {
  try {
    return readFileSync(BUNDLE, 'utf8');
  } catch (e) {
    throw new Error(`${BUNDLE} is missing (apt-get install ca-certificates)`, { cause: e });
  }
}

const AT = new Date(Date.UTC(2026, 0, 1));
/** Each corpus is a list of drops (what a user would load at once); relations are computed per drop. */
const corpora = [
  {
    name: 'zlint test certificates',
    load: () => pemFiles(ZLINT).map((f) => certificatesIn(readFileSync(f, 'utf8'))),
    atLeast: 1300,
  },
  { name: 'system CA bundle', load: () => [certificatesIn(bundle())], atLeast: 100 },
];

describe('judging is total over real and malformed certificates', () => {
  for (const corpus of corpora) {
    it(
      corpus.name,
      async () => {
        const drops = corpus.load();
        const all = drops.flat();
        expect(all.length).toBeGreaterThanOrEqual(corpus.atLeast);
        const parsed = all.flatMap((c) => (c.cert ? [c.cert] : []));
        const started = performance.now();
        for (const cert of parsed) {
          const findings = lintCertificate(cert);
          expect(Array.isArray(findings)).toBe(true);
          const self = await validatePath({ leaf: cert, anchors: [cert], at: AT });
          const alone = await validatePath({ leaf: cert, anchors: [], intermediates: parsed.slice(0, 20), at: AT });
          expect(alone.valid).toBe(false);
          expect(typeof self.valid).toBe('boolean');
        }
        for (const drop of drops) {
          const relations = await relate(drop.map((c) => ({ kind: 'certificate' as const, der: c.der })));
          expect(relations.ids.length).toBe(drop.length);
        }
        console.log(
          `${corpus.name}: ${all.length} certificates (${parsed.length} parsed by @peculiar/x509), judged in ${Math.round(performance.now() - started)} ms`,
        );
      },
      120_000,
    );
  }

  it('every root of the system bundle is its own issuer and its own chain', async () => {
    const roots = certificatesIn(bundle());
    const r = await relate(roots.map((c) => ({ kind: 'certificate' as const, der: c.der })));
    const selfIssued = new Set(r.issuedBy.filter((e) => e.subject === e.issuer).map((e) => e.subject));
    expect(r.unreadable).toEqual([]);
    expect(selfIssued.size).toBe(roots.length);
  }, 60_000);
});
