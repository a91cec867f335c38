/**
 * Issue 13 in Chromium: a PKCS#12 file in OpenSSL 1.1's default format (`openssl pkcs12 -export
 * -legacy`: a PBE-SHA1-3DES key bag, PBE-SHA1-RC2-40 certificates, a SHA-1 MAC), the format of
 * most keystores people already have, opens in Inspect with its certificate and key.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { opensslPki } from './pages/inspect-page.ts';

test('a 3DES/RC2-40 PKCS#12 from openssl -legacy opens in Inspect', async ({ app, inspect }) => {
  const pki = opensslPki();
  const p12 = join(pki.dir, 'legacy.p12');
  try {
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-legacy',
        '-inkey',
        pki.leafKey,
        '-in',
        pki.leaf,
        '-passout',
        'pass:old-store',
        '-out',
        p12,
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    throw new Error('openssl pkcs12 -legacy failed; this test needs openssl 3 (apt-get install -y openssl)', {
      cause: e,
    });
  }
  await app.open();
  await app.goTo('Inspect');
  await inspect.password.fill('old-store');
  await inspect.addFiles([p12]);
  await expect(inspect.item(/^Certificate: CN=node1/)).toBeVisible();
  await expect(inspect.item(/^Private key/)).toBeVisible();
  await expect(inspect.page.getByText(/WebCrypto cannot|does not decrypt|wrong password/i)).toHaveCount(0);
});
