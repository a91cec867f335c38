/**
 * Post-quantum in the browser: an ML-DSA-65 root and ML-DSA-44 and ECDSA leaves under it, made
 * through Chromium's own WebCrypto ML-DSA (the key type names the engine), each download judged
 * by python cryptography 48: every signature over each tbsCertificate verifies with its issuer's
 * key and the leaf's key loads and belongs to its certificate.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { pythonMlDsaVerdicts } from '../app/test/judges/python-ml-dsa.ts';

async function textOf(download: { path(): Promise<string> }): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

const CERTS = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g;

test('an ML-DSA CA and leaves made through WebCrypto, verified by python', async ({
  app,
  authorities,
  issue,
  page,
}) => {
  await app.open();
  await app.goTo('Authorities');
  const keyType = authorities.rootForm.getByLabel('Key type');
  await expect(keyType.getByRole('option', { name: 'ML-DSA-65 · browser WebCrypto' })).toHaveCount(1);
  await authorities.createRoot('PQ Root', 'ML-DSA-65 · browser WebCrypto');

  const leaves: { cert: string; key: string; chain: string }[] = [];
  await app.goTo('Issue');
  for (const [cn, keyType] of [
    ['pq.example', 'ML-DSA-44 · browser WebCrypto'],
    ['classic.example', 'ECDSA P-256'],
  ] as const) {
    await issue.issue({ ca: 'PQ Root', profile: 'server', cn, keyType });
    const cert = await textOf(await issue.download('certificate'));
    const key = await textOf(await issue.download('key'));
    const wait = page.waitForEvent('download');
    await issue.result.getByRole('button', { name: 'Download full chain' }).click();
    leaves.push({ cert, key, chain: await textOf(await wait) });
  }
  const root = leaves[0]?.chain.match(CERTS)?.at(-1) ?? '';
  expect(root).toContain('BEGIN CERTIFICATE');

  const verdicts = await pythonMlDsaVerdicts({
    certificates: [
      { name: 'root', pem: root, issuer: 'root' },
      ...leaves.map((l, i) => ({ name: `leaf ${i}`, pem: l.cert, issuer: 'root' })),
    ],
    csrs: [],
    keys: leaves.map((l, i) => ({ name: `leaf ${i} key`, pem: l.key, certificate: `leaf ${i}` })),
  });
  expect(verdicts.filter((v) => !v.ok)).toEqual([]);
  expect(verdicts.map((v) => v.detail)).toEqual([
    'MLDSA65 signed by MLDSA65 2.16.840.1.101.3.4.3.18',
    'MLDSA44 signed by MLDSA65 2.16.840.1.101.3.4.3.18',
    'EC signed by MLDSA65 2.16.840.1.101.3.4.3.18',
    'MLDSA44',
    'EC',
  ]);
});

test('the Cluster view says ScyllaDB cannot use ML-DSA before making a key', async ({ app, cluster, page }) => {
  await app.open();
  await cluster.fill({ name: 'pq', nodes: 'node-1 10.0.0.1', clients: 'app', target: 'ScyllaDB' });
  await cluster.form.getByLabel('Key type').selectOption({ label: 'ML-DSA-65 · browser WebCrypto' });
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "ScyllaDB's TLS is GnuTLS, and ScyllaDB's build of it cannot use ML-DSA certificates.",
  );
  await expect(cluster.result).toHaveCount(0);
});
