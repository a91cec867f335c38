/**
 * Refusals the user sees before anything is made or saved (issue 10): the Cluster view refuses
 * Cassandra (PEM files) with Ed25519 keys before any key, so the workspace stays empty, as
 * `certbench bundle` does; the Import CA form puts its errors beside the input they are about,
 * through the shared useWorkerAction mapping. Fixtures are made by the core.
 */
import 'reflect-metadata';
import { test, expect } from './fixtures.ts';
import { createRootCa, encryptPkcs8Pem } from '../app/pki/index.ts';

test('Cassandra with Ed25519 keys is refused before any certificate is made or saved', async ({
  app,
  cluster,
  workspace,
}) => {
  await app.open();
  await app.goTo('Cluster');
  await cluster.fill({ name: 'edcass', nodes: 'cass1 10.0.0.1', clients: 'cqlsh', target: 'Cassandra' });
  await cluster.form.getByLabel('Key type').selectOption({ label: 'Ed25519' });
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(cluster.form.getByRole('alert')).toContainText(
    "Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only",
  );
  await expect(cluster.result.getByRole('button', { name: 'Download bundle' })).toHaveCount(0);

  await app.goTo('Workspace');
  await expect(workspace.items()).toHaveCount(0);
});

test('Import CA: a missing certificate and a wrong key password are said beside their inputs', async ({
  app,
  authorities,
}) => {
  const ca = await createRootCa({ subject: { commonName: 'Imported Root' } });
  const encryptedKey = await encryptPkcs8Pem(ca.keyPem, 'right password', { iterations: 1000 });

  await app.open();
  await app.goTo('Authorities');
  const form = await authorities.openForm('import');
  await form.getByRole('button', { name: 'Import CA' }).click();
  await expect(form.getByLabel('CA certificate')).toHaveAccessibleDescription(
    /Paste the CA certificate \(PEM\) or choose a PKCS#12 file\./,
  );
  await expect(form.getByRole('alert')).toHaveCount(0);

  await authorities.importCa(ca.certPem, encryptedKey, 'wrong password');
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/wrong password/i);
  await expect(form.getByLabel('CA certificate')).not.toHaveAttribute('aria-invalid');

  await form.getByLabel('Password').fill('right password');
  await form.getByRole('button', { name: 'Import CA' }).click();
  await expect(form.getByRole('status')).toHaveText('Imported Imported Root.');
  await expect(form.getByLabel('Password')).not.toHaveAttribute('aria-invalid');
});
