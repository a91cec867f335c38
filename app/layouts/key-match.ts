/** Refuse a bundle whose private key does not belong to its certificate, naming the entity. */
import { PkiError } from '../pki/light/index.ts';
import { assertKeyMatchesCertificate, certificateFrom, privateKeyFrom } from '../pki/export/index.ts';
import type { Bundle } from './types.ts';

export async function assertKeysMatch(bundle: Bundle, crypto: Crypto): Promise<void> {
  const entities = [
    ...bundle.nodes.map((e, i) => ({ e, field: `nodes[${i}]` })),
    ...bundle.clients.map((e, i) => ({ e, field: `clients[${i}]` })),
  ];
  for (const { e, field } of entities) {
    try {
      await assertKeyMatchesCertificate(
        privateKeyFrom(e.keyPem, `${field}.keyPem`),
        certificateFrom(e.certPem, `${field}.certPem`),
        crypto,
      );
    } catch (err) {
      if (err instanceof PkiError && err.code === 'key-mismatch') {
        throw new PkiError(
          'key-mismatch',
          `${field}.keyPem`,
          `${e.name}'s private key does not belong to its certificate: their public keys differ.`,
          { cause: err },
        );
      }
      throw err;
    }
  }
}
