// When the fast root writer does not reproduce the general path (here: a writer that puts the
// validity one second later), the shape fails its proof once and its roots are made by the
// general path: correct certificates, no second probe, and never a root from the wrong writer.
import { Convert } from 'pvtsutils';
import { describe, expect, it, vi } from 'vitest';
import { createRootIssuer } from './ca.ts';
import { forgetRootProofs, rootShapeState } from './ca-template-proof.ts';
import { loadIssuer } from './issuer.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

vi.mock('./ca-tbs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./ca-tbs.ts')>();
  const rootTbs: typeof real.rootTbs = (pieces, input) =>
    real.rootTbs(pieces, { ...input, notAfter: new Date(input.notAfter.getTime() + 1000) });
  return { ...real, rootTbs };
});

describe('a shape whose proof fails takes the general path', () => {
  it('P-256 roots under a writer one second off', async () => {
    forgetRootProofs();
    const first = countingCrypto();
    const made = await createRootIssuer({ subject: { commonName: 'Fallback CA' }, days: 10 }, first.crypto);
    expect(await rootShapeState({ algorithm: 'p256', pathLength: undefined })).toBe('failed');
    // The probe's signature, then the general path's.
    expect(first.calls('sign')).toBe(2);

    // The root says what it was asked: the window the request settled, not the mutated writer's.
    const loaded = await loadIssuer(made.ca);
    expect(loaded.notAfter.toISOString()).toBe(made.ca.notAfter);
    expect(new Date(made.ca.notAfter).getTime() - new Date(made.ca.notBefore).getTime()).toBe(10 * 86_400_000);
    expect(Convert.ToHex(made.issuer.subjectDer)).toBe(Convert.ToHex(loaded.subjectDer));
    expect(made.issuer.keyId).toBe(loaded.keyId);
    const v = await opensslVerify({ rootPem: made.ca.certPem, certPem: made.ca.certPem });
    expect(v.ok, v.output).toBe(true);

    // A failed shape is not proven again: the next root is one general-path signature.
    const next = countingCrypto();
    await createRootIssuer({ subject: { commonName: 'Fallback CA 2' } }, next.crypto);
    expect(next.calls('sign')).toBe(1);
    expect(next.calls('digest')).toBe(1);
  });
});
