// Which renewal members go in batches: a subject the template writes byte for byte (one CN, in
// the string type certbench picks), a fresh key, no start of its own; batches by profile, key
// type and length, lines carrying the old SANs as they are.
import { describe, expect, it } from 'vitest';
import { Name } from '@peculiar/x509';
import { issueLeaf } from './issue.ts';
import { createRootCa } from './ca.ts';
import { leafFacts, type LeafFacts } from './leaf-facts.ts';
import { subjectNameDer } from './name-der.ts';
import { plainCommonName, renewalBatches } from './renew-batch.ts';

const der = (name: Name) => new Uint8Array(name.toArrayBuffer());
/** A one-CN Name with the CN in `tag`'s string type (0x13 PrintableString, 0x0c UTF8String, 0x1e BMPString). */
function cnIn(tag: number, bytes: number[]): Uint8Array {
  const value = [tag, bytes.length, ...bytes];
  const attribute = [0x30, 5 + value.length, 0x06, 0x03, 0x55, 0x04, 0x03, ...value];
  const rdn = [0x31, attribute.length, ...attribute];
  return Uint8Array.from([0x30, rdn.length, ...rdn]);
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('plainCommonName', () => {
  it('reads the CN of a subject certbench writes, printable or not', () => {
    expect(plainCommonName(subjectNameDer({ commonName: 'db-1' }))).toBe('db-1');
    expect(plainCommonName(subjectNameDer({ commonName: 'Cluster admin' }))).toBe('Cluster admin');
    expect(plainCommonName(subjectNameDer({ commonName: 'ops@db' }))).toBe('ops@db'); // '@' is not printable: UTF8String
    expect(plainCommonName(subjectNameDer({ commonName: 'nœud-1' }))).toBe('nœud-1');
    expect(plainCommonName(cnIn(0x13, ascii('db-1')))).toBe('db-1');
  });

  it('reads nothing from a subject the template would write otherwise', () => {
    const cases: [string, Uint8Array][] = [
      ['a printable CN as UTF8String (another tool’s choice)', cnIn(0x0c, ascii('db-1'))],
      ['a CN as BMPString', cnIn(0x1e, [0, 0x64, 0, 0x62])],
      ['O and CN', subjectNameDer({ organization: 'Acme', commonName: 'db-1' })],
      ['two attributes in one RDN', der(new Name('CN=db-1+O=Acme'))],
      ['no CN at all', subjectNameDer({ organization: 'Acme', commonName: '' })],
      ['an empty Name', Uint8Array.of(0x30, 0)],
      ['trailing bytes', Uint8Array.from([...subjectNameDer({ commonName: 'db-1' }), 0])],
      ['not DER', Uint8Array.of(0x30, 0x80, 1)],
      ['invalid UTF-8', cnIn(0x0c, [0xc3, 0x28])],
    ];
    for (const [what, subject] of cases) expect(plainCommonName(subject), what).toBeUndefined();
  });
});

describe('renewalBatches', () => {
  it('groups by profile, key type and length; one by one for kept keys, other subjects, or an own start', async () => {
    const ca = await createRootCa({ subject: { commonName: 'Batches Root' }, days: 30 });
    const facts = async (commonName: string, profile: 'node' | 'client', over: object = {}): Promise<LeafFacts> =>
      leafFacts((await issueLeaf({ profile, commonName, days: 7, ...over }, ca)).certPem);
    const members = [
      { facts: await facts('db-1', 'node', { sans: 'db-1.internal 10.0.0.1' }), days: 7, keepsKey: false },
      { facts: await facts('app', 'client'), days: 7, keepsKey: false },
      { facts: await facts('db-2', 'node'), days: 7, keepsKey: true },
      { facts: await facts('db-3', 'node', { subject: { organization: 'Acme' } }), days: 7, keepsKey: false },
      { facts: await facts('db-4', 'node'), days: 30, keepsKey: false },
      { facts: await facts('db-5', 'node', { algorithm: 'p384' }), days: 7, keepsKey: false },
      { facts: await facts('db-6', 'node'), days: 7, keepsKey: false },
    ];
    const { batches, oneByOne } = renewalBatches(members, false);
    expect(batches.map((b) => [b.profile, b.algorithm, b.days, b.members])).toEqual([
      ['node', 'p256', 7, [0, 6]],
      ['client', 'p256', 7, [1]],
      ['node', 'p256', 30, [4]],
      ['node', 'p384', 7, [5]],
    ]);
    expect(oneByOne).toEqual([2, 3]);
    // The old SANs as they are (the CN first, as issueLeaf put it), not through the batch's line rules.
    expect(batches[0]!.lines[0]).toEqual({ line: 1, name: 'db-1', sans: members[0]!.facts.sans });
    expect(batches[0]!.lines[0]!.sans.map((s) => s.value)).toEqual(['db-1', 'db-1.internal', '10.0.0.1']);
    expect(renewalBatches(members, true)).toEqual({ batches: [], oneByOne: [0, 1, 2, 3, 4, 5, 6] });
  });
});
