/** Signatures made by openssl (an independent signer) verify; altered or foreign ones do not. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pemDecodeAll } from '../pem.ts';
import { certFactsFromDer } from '../model/cert-facts.ts';
import { signatureVerifier } from './verify-signature.ts';

function opensslSelfSigned(keyArgs: string[], signArgs: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'sig-'));
  try {
    execFileSync('openssl', ['genpkey', ...keyArgs, '-out', join(dir, 'k.pem')], { stdio: 'pipe' });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-key',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-subj',
        '/CN=sig',
        '-days',
        '10',
        ...signArgs,
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    throw new Error('openssl is missing or failed (apt-get install openssl)', { cause: e });
  }
  const block = pemDecodeAll(readFileSync(join(dir, 'c.pem'), 'utf8')).blocks[0];
  if (!block) throw new Error('no certificate');
  return new Uint8Array(block.der);
}

const rows: { name: string; key: string[]; sign: string[] }[] = [
  {
    name: 'RSA PKCS#1 v1.5 SHA-256',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    sign: ['-sha256'],
  },
  { name: 'RSA PKCS#1 v1.5 SHA-1', key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], sign: ['-sha1'] },
  {
    name: 'RSA PKCS#1 v1.5 SHA-512',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    sign: ['-sha512'],
  },
  {
    name: 'RSA-PSS SHA-256 salt 32',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    sign: ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'],
  },
  { name: 'ECDSA P-256 SHA-256', key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], sign: ['-sha256'] },
  { name: 'ECDSA P-384 SHA-384', key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], sign: ['-sha384'] },
  { name: 'ECDSA P-521 SHA-512', key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'], sign: ['-sha512'] },
  { name: 'Ed25519', key: ['-algorithm', 'ED25519'], sign: [] },
];

// Both ways of importing the issuer's key (the runtime picks one: RUNTIME_KEY_IMPORT) give the same verdicts.
describe.each(['spki', 'rebuilt'] as const)('signatureVerifier, keys imported as %s', (keyImport) => {
  const verifier = signatureVerifier(crypto, keyImport);
  const other = certFactsFromDer(
    opensslSelfSigned(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-sha256']),
  );
  for (const row of rows) {
    it(row.name, async () => {
      const der = opensslSelfSigned(row.key, row.sign);
      const f = certFactsFromDer(der);
      expect(await verifier.verify(f, f)).toBe(true);
      const tampered = der.slice();
      const at = 4 + Math.floor(f.tbs.length / 2); // the middle of the TBS (after a 4-byte outer header)
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      let alteredFacts;
      try {
        alteredFacts = certFactsFromDer(tampered);
      } catch {
        alteredFacts = null; // the flip broke the structure: equally not a valid signature
      }
      if (alteredFacts) expect(await verifier.verify(alteredFacts, f)).toBe(false);
      expect(await verifier.verify(f, other)).toBe(false);
    });
  }
});
