// When the fast root writers do not reproduce the general path, the shape fails its proof once and
// its roots are made by the general path: correct certificates, no second proof, and never a root
// from the wrong writer. Two ways to fail: a TBS writer that puts the validity one second later
// (seen on the proving root itself), and a Name writer wrong only for a locality, which a root
// with a CN alone never shows: the encoders' own probe (encodersAgree) has to catch it.
import { Convert } from 'pvtsutils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRootIssuer } from './ca.ts';
import { forgetRootProofs, rootShapeState } from './ca-template-proof.ts';
import { loadIssuer } from './issuer.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

const mutation = vi.hoisted(() => ({ validity: false, locality: false }));

vi.mock('./ca-tbs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./ca-tbs.ts')>();
  const rootTbs: typeof real.rootTbs = (pieces, input) =>
    real.rootTbs(pieces, mutation.validity ? { ...input, notAfter: new Date(input.notAfter.getTime() + 1000) } : input);
  return { ...real, rootTbs };
});

vi.mock('./name-der.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./name-der.ts')>();
  const subjectNameDer: typeof real.subjectNameDer = (checked) =>
    real.subjectNameDer(
      mutation.locality && checked.locality ? { ...checked, locality: `${checked.locality}!` } : checked,
    );
  return { ...real, subjectNameDer };
});

afterEach(() => {
  mutation.validity = false;
  mutation.locality = false;
  forgetRootProofs();
});

const rows = [
  { name: 'a TBS writer one second off', input: { mutate: () => (mutation.validity = true) } },
  { name: 'a Name writer wrong for a locality only', input: { mutate: () => (mutation.locality = true) } },
];

describe('a shape whose proof fails takes the general path', () => {
  for (const row of rows)
    it(row.name, async () => {
      forgetRootProofs();
      row.input.mutate();
      const first = countingCrypto();
      const made = await createRootIssuer({ subject: { commonName: 'Fallback CA' }, days: 10 }, first.crypto);
      expect(await rootShapeState({ algorithm: 'p256', pathLength: undefined })).toBe('failed');
      // The proving root is the general path's: one signature, its SKI digest.
      expect(first.calls('sign')).toBe(1);
      expect(first.calls('digest')).toBe(1);

      // The root says what it was asked: the window the request settled, not the mutated writer's.
      const loaded = await loadIssuer(made.ca);
      expect(loaded.notAfter.toISOString()).toBe(made.ca.notAfter);
      expect(new Date(made.ca.notAfter).getTime() - new Date(made.ca.notBefore).getTime()).toBe(10 * 86_400_000);
      expect(Convert.ToHex(made.issuer.subjectDer)).toBe(Convert.ToHex(loaded.subjectDer));
      expect(made.issuer.keyId).toBe(loaded.keyId);
      const v = await opensslVerify({ rootPem: made.ca.certPem, certPem: made.ca.certPem });
      expect(v.ok, v.output).toBe(true);

      // A failed shape is not proven again, and its roots, a locality among them, come from the general path.
      const next = countingCrypto();
      const second = await createRootIssuer(
        { subject: { commonName: 'Fallback CA 2', locality: 'Köln' } },
        next.crypto,
      );
      expect(next.calls('sign')).toBe(1);
      expect(next.calls('digest'), 'the general path computes the SKI').toBe(1);
      const secondLoaded = await loadIssuer(second.ca);
      expect(secondLoaded.cert.subject).toBe('L=Köln, CN=Fallback CA 2');
      expect(Convert.ToHex(second.issuer.subjectDer)).toBe(Convert.ToHex(secondLoaded.subjectDer));
    });
});
