// A renewal batch whose template does not prove itself is renewed one by one, as renewLeaf does:
// the batch's own fallback would issue from the CN and SANs (issueLeaf), which adds the CN to a
// node's SANs when the old certificate did not have it there.
import { describe, expect, it, vi } from 'vitest';
import { Name } from '@peculiar/x509';
import { createRootCa } from './ca.ts';
import { issueLeaf, signLeaf } from './issue.ts';
import { loadIssuer } from './issuer.ts';
import { leafFacts } from './leaf-facts.ts';
import { subjectNameDer } from './name-der.ts';
import { renewLeaves } from './renew.ts';
import { opensslVerify } from '../test/judges/openssl.ts';

vi.mock('./leaf-template.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./leaf-template.ts')>();
  const { PkiError } = await import('./errors.ts');
  return {
    ...real,
    createLeafTemplate: () => Promise.reject(new PkiError('internal', 'template', 'the template did not prove itself')),
  };
});

describe('renewLeaves without a proven template', () => {
  it('renews one by one, keeping SANs that leave the CN out', async () => {
    const ca = await createRootCa({ subject: { commonName: 'Unproven Root' }, days: 30 });
    const donor = await issueLeaf({ profile: 'node', commonName: 'donor', days: 7 }, ca);
    const old = await signLeaf(
      {
        profile: 'node',
        subject: new Name(subjectNameDer({ commonName: 'db-7' }).buffer),
        sans: [{ kind: 'dns', value: 'db-7.cluster.internal' }],
        spki: leafFacts(donor.certPem).spki.slice().buffer,
        days: 7,
      },
      await loadIssuer(ca),
    );
    const asked: string[] = [];
    const [renewed] = await renewLeaves([{ name: 'db-7', certPem: old.certPem }], ca, {}, undefined, {
      engine: (request) => void asked.push(request.algorithm),
    });
    expect(asked).toEqual([]); // no batch ran
    expect(leafFacts(renewed!.certPem).sans).toEqual([{ kind: 'dns', value: 'db-7.cluster.internal' }]);
    expect(leafFacts(renewed!.certPem).subjectDer).toEqual(leafFacts(old.certPem).subjectDer);
    const verdict = await opensslVerify({ rootPem: ca.certPem, certPem: renewed!.certPem, purpose: 'sslserver' });
    expect(verdict.ok, verdict.output).toBe(true);
  });
});
