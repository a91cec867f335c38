/** Bad input is refused with a named field before any file is produced. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './build-bundle.ts';
import type { Bundle, LayoutId, LayoutOptions } from './types.ts';
import { opensslBundle } from './testing/openssl-bundle.ts';
import { PkiError } from '../pki/errors.ts';

let good: Bundle;
let ed25519: Bundle;

beforeAll(() => {
  good = opensslBundle().bundle;
  ed25519 = opensslBundle({ nodes: [{ name: 'node-1', dns: ['localhost'], ips: [], key: 'ed25519' }] }).bundle;
});

const rows: {
  name: string;
  input: () => { bundle: Bundle; layout: LayoutId; options?: LayoutOptions };
  want: { code: string; field: string; message: RegExp };
}[] = [
  {
    name: 'missing CA',
    input: () => ({ bundle: { ...good, ca: { certPem: '' } }, layout: 'generic' }),
    want: { code: 'not-found', field: 'ca', message: /no CA certificate/ },
  },
  {
    name: 'a key that does not match its certificate',
    input: () => ({
      bundle: { ...good, nodes: good.nodes.map((n) => ({ ...n, keyPem: good.clients[0]!.keyPem })) },
      layout: 'generic',
    }),
    want: { code: 'key-mismatch', field: 'nodes[0].keyPem', message: /node-1's private key does not belong/ },
  },
  {
    name: "an Ed25519 node key for Cassandra's PEM factory",
    input: () => ({ bundle: ed25519, layout: 'cassandra' }),
    want: { code: 'unsupported-algorithm', field: 'nodes[0].keyPem', message: /Ed25519.*RSA and EC keys only/ },
  },
  {
    name: 'an empty store password for Cassandra PKCS#12',
    input: () => ({ bundle: good, layout: 'cassandra', options: { cassandraFormat: 'pkcs12', storePassword: '' } }),
    want: { code: 'invalid-argument', field: 'storePassword', message: /need a password/ },
  },
  {
    name: 'an empty key passphrase',
    input: () => ({ bundle: good, layout: 'generic', options: { keyPassphrase: '' } }),
    want: { code: 'invalid-argument', field: 'keyPassphrase', message: /passphrase is empty/ },
  },
  {
    name: 'a name that would climb out of the folder',
    input: () => ({
      bundle: { ...good, clients: good.clients.map((c) => ({ ...c, name: '../etc' })) },
      layout: 'casty',
    }),
    want: { code: 'invalid-name', field: 'clients[0].name', message: /cannot be a file name/ },
  },
  {
    name: 'a node and a client with one name (case-insensitive)',
    input: () => ({
      bundle: { ...good, clients: good.clients.map((c) => ({ ...c, name: 'NODE-1' })) },
      layout: 'casty',
    }),
    want: { code: 'invalid-argument', field: 'clients[0].name', message: /used twice/ },
  },
  {
    name: 'a generic node called "ca" would overwrite ca.crt',
    input: () => ({ bundle: { ...good, nodes: good.nodes.map((n) => ({ ...n, name: 'ca' })) }, layout: 'generic' }),
    want: { code: 'invalid-argument', field: 'names', message: /Two files would be written to ca\.crt/ },
  },
  {
    name: 'an already encrypted key',
    input: () => ({
      bundle: {
        ...good,
        nodes: good.nodes.map((n) => ({
          ...n,
          keyPem: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n',
        })),
      },
      layout: 'generic',
    }),
    want: { code: 'invalid-key', field: 'nodes[0].keyPem', message: /encrypted/ },
  },
  {
    name: 'an unknown layout',
    input: () => ({ bundle: good, layout: 'nginx' as LayoutId }),
    want: { code: 'invalid-argument', field: 'layout', message: /Unknown layout "nginx"/ },
  },
];

describe('buildBundle refuses bad input', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const err = await buildBundle(row.input()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PkiError);
      const e = err as PkiError;
      expect({ code: e.code, field: e.field }).toEqual({ code: row.want.code, field: row.want.field });
      expect(e.message).toMatch(row.want.message);
    });
  }

  it('the same bundles pass when nothing is wrong (the rows above can fail)', async () => {
    await expect(buildBundle({ bundle: good, layout: 'cassandra' })).resolves.toBeTruthy();
    await expect(buildBundle({ bundle: ed25519, layout: 'generic' })).resolves.toBeTruthy();
  });
});
