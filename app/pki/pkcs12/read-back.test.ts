// What the writers produce, certbench's own reader opens: keystores, truststores and PKCS#7
// bundles go out and come back as the same key and certificates (a second, independent PKCS#12
// implementation in this tree: app/pki/read walks the TLV itself).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeystore } from './keystore.ts';
import { buildTruststore } from './truststore.ts';
import { pkcs7Der } from '../pkcs7.ts';
import { privateKeyFrom } from './inputs.ts';
import { pemDecodeAll } from '../pem.ts';
import { readInput } from '../read/read-input.ts';
import type { Item } from '../read/types.ts';
import { makeTestPki, type TestPki } from './testing/fixtures.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
const certHex = (pem: string) => pemDecodeAll(pem).blocks.map((b) => hex(b.der));

function summary(items: Item[]): { kind: string; der: string }[] {
  return items.map((i) => ({ kind: i.kind, der: i.kind === 'error' ? i.message : hex(i.der) }));
}

const PASSWORD = 'read-me-back';

const rows = [
  {
    name: 'keystore: key and chain',
    input: async (p: TestPki) =>
      (
        await buildKeystore({
          key: p.leaves.p384.keyPem,
          certificate: p.leaves.p384.certPem,
          chain: p.intermediatePem,
          password: PASSWORD,
        })
      ).der,
    want: (p: TestPki) => [
      ...certHex(p.leaves.p384.certPem + p.intermediatePem).map((der) => ({ kind: 'certificate', der })),
      { kind: 'private-key', der: hex(privateKeyFrom(p.leaves.p384.keyPem)) },
    ],
  },
  {
    name: 'truststore: two CAs',
    input: async (p: TestPki) => (await buildTruststore({ cas: [p.rootPem, p.otherCaPem], password: PASSWORD })).der,
    want: (p: TestPki) => certHex(p.rootPem + p.otherCaPem).map((der) => ({ kind: 'certificate', der })),
  },
  {
    name: 'PKCS#7 bundle',
    input: (p: TestPki) => Promise.resolve(pkcs7Der([p.leaves.rsa.certPem, p.intermediatePem])),
    want: (p: TestPki) =>
      certHex(p.leaves.rsa.certPem + p.intermediatePem).map((der) => ({ kind: 'certificate', der })),
  },
];

describe('read back by app/pki/read', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const items = await readInput({ name: 'out', bytes: await row.input(pki) }, { password: PASSWORD });
      const sortKey = (x: { kind: string; der: string }) => `${x.kind}:${x.der}`;
      expect(summary(items).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
        row.want(pki).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      );
    });
  }
});
