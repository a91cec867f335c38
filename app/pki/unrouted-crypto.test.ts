// Which Crypto the hot paths call (unrouted-crypto.ts): the runtime's own SubtleCrypto
// only where the runtime default's ML-DSA router would pass every call straight to it.
import { describe, expect, it } from 'vitest';
import { defaultCrypto, withMlDsa } from './runtime-crypto.ts';
import { unroutedCrypto } from './unrouted-crypto.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

const runtime = globalThis.crypto;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' };
const test = countingCrypto().crypto;

const rows: { name: string; crypto: Crypto; algorithms: (AlgorithmIdentifier | KeyAlgorithm)[]; want: Crypto }[] = [
  {
    name: 'the runtime default, P-256 leaves under an ECDSA issuer',
    crypto: defaultCrypto(),
    algorithms: [P256, ECDSA_SHA256, P256],
    want: runtime,
  },
  {
    name: 'the runtime default, RSA and Ed25519',
    crypto: defaultCrypto(),
    algorithms: [{ name: 'RSASSA-PKCS1-v1_5' }, 'Ed25519'],
    want: runtime,
  },
  {
    name: 'the runtime default, ML-DSA leaves',
    crypto: defaultCrypto(),
    algorithms: [{ name: 'ML-DSA-65' }, ECDSA_SHA256],
    want: defaultCrypto(),
  },
  {
    name: 'the runtime default, an ML-DSA issuer key (any case)',
    crypto: defaultCrypto(),
    algorithms: [P256, { name: 'ml-dsa-44' }],
    want: defaultCrypto(),
  },
  { name: "a test's Crypto is used as given", crypto: test, algorithms: [P256, ECDSA_SHA256], want: test },
  {
    name: "the router over a test's Crypto is used as given",
    crypto: withMlDsa(test),
    algorithms: [P256],
    want: withMlDsa(test),
  },
  { name: 'the runtime itself', crypto: runtime, algorithms: [P256], want: runtime },
];

describe('unroutedCrypto', () => {
  for (const row of rows) it(row.name, () => expect(unroutedCrypto(row.crypto, row.algorithms)).toBe(row.want));
});
