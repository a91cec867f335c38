/**
 * Form usability: the Issuing CA select says which CAs cannot sign an intermediate and why; the
 * SAN fields of Issue and Sign CSR name every bad entry at once; Sign CSR names the requested key
 * with its curve, as Inspect does.
 */
import { test, expect } from './fixtures.ts';
import { opensslMakeCsr } from '../app/test/judges/index.ts';

test('a path length 0 CA is offered for leaves but shown disabled, with the reason, for intermediates', async ({
  app,
  authorities,
  issue,
}) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Forms Root');
  await authorities.createIntermediate('Forms Issuing', 'Forms Root');

  const forIntermediate = authorities.intermediateForm.getByLabel('Issuing CA');
  await expect(forIntermediate.getByRole('option', { name: 'Forms Root', exact: true })).toBeEnabled();
  const pathZero = forIntermediate.getByRole('option', { name: /^Forms Issuing/ });
  await expect(pathZero).toBeDisabled();
  await expect(pathZero).toHaveText('Forms Issuing — path length 0: it signs leaf certificates only');
  await expect(forIntermediate).toHaveValue(/.+/); // still on the root, not on nothing
  await expect(authorities.intermediateForm.getByRole('button', { name: 'Create CA' })).toBeEnabled();

  await app.goTo('Issue');
  await expect(
    issue.form.getByLabel('Issuing CA').getByRole('option', { name: 'Forms Issuing', exact: true }),
  ).toBeEnabled();
  await issue.fill({
    ca: 'Forms Issuing',
    profile: 'server',
    cn: 'web.example',
    sans: 'my_host, web.example, 10.0.0.300',
  });
  await expect(
    issue.form.getByText(
      /^2 entries are not valid: "my_host" is not a valid DNS name.*; "10\.0\.0\.300" is not an IPv4 or IPv6 address\.$/,
    ),
  ).toBeVisible();
});

test('Sign CSR shows the key with its curve and names every bad SAN', async ({ app, authorities, csr }) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Forms CSR Root');
  await app.goTo('Sign CSR');
  const request = await opensslMakeCsr({ cn: 'w1', san: 'DNS:w1.internal', key: 'p384' });
  await csr.paste(request.csrPem);
  await expect(csr.request.getByRole('definition').filter({ hasText: /^ECDSA P-384$/ })).toBeVisible();
  await csr.form.getByLabel('Subject alternative names').fill('w1_internal, w1.internal, 999.1.1.1');
  await expect(
    csr.form.getByText(
      /^2 entries are not valid: "w1_internal" is not a valid DNS name.*; "999\.1\.1\.1" is not an IPv4 or IPv6 address\.$/,
    ),
  ).toBeVisible();
  await csr.sign('Forms CSR Root', 'client', 'w1.internal');
});
