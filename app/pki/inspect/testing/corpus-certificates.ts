/**
 * Test fixtures: the certificates of three corpora as DER, for tests that hold a fast path to
 * the general one over real certificates: the zlint test corpus (many deliberately broken),
 * NIST PKITS and the system CA bundle. Throws, naming what to install, when one is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pemDecodeAll } from '../../pem.ts';
import { vectorDir } from '../../../test/vectors.ts';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export type Corpus = 'zlint' | 'pkits' | 'bundle';

export function corpusCertificates(): { corpus: Corpus; der: ArrayBuffer }[] {
  const zlint = vectorDir('zlint-testdata');
  const pkits = join(vectorDir('nist-pkits'), 'certs');
  let bundle: string;
  try {
    bundle = readFileSync(BUNDLE, 'utf8');
  } catch (e) {
    throw new Error(`${BUNDLE} is missing (apt-get install ca-certificates)`, { cause: e });
  }
  return [
    ...readdirSync(zlint, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.pem'))
      .flatMap((f) => pemDecodeAll(readFileSync(join(zlint, f), 'utf8')).blocks.map((b) => b.der))
      .map((der) => ({ corpus: 'zlint' as const, der })),
    ...readdirSync(pkits)
      .filter((f) => f.endsWith('.crt'))
      .map((f) => ({ corpus: 'pkits' as const, der: new Uint8Array(readFileSync(join(pkits, f))).buffer })),
    ...pemDecodeAll(bundle).blocks.map((b) => ({ corpus: 'bundle' as const, der: b.der })),
  ];
}
