/**
 * Issue 12, "results and focus": after Create cluster, Create CA (root and intermediate), Issue and
 * Sign CSR, the result's heading takes focus and is scrolled into view at 1280x800, instead of the
 * result appearing below the fold with focus on <body>.
 */
import { test, expect } from './fixtures.ts';
import { expectRevealed } from './pages/revealed.ts';
import { opensslMakeCsr } from '../app/test/judges/index.ts';

test.use({ viewport: { width: 1280, height: 800 } });

test('each made thing takes focus and scrolls into view', async ({ app, cluster, authorities, issue, csr }) => {
  await app.open();
  await cluster.create({
    name: 'focus',
    nodes: 'n1 10.0.0.1\nn2 10.0.0.2\nn3 10.0.0.3',
    clients: 'app',
    target: 'ScyllaDB',
  });
  await expectRevealed(cluster.result.getByRole('heading', { name: 'Cluster bundle' }));

  await app.goTo('Authorities');
  await authorities.createRoot('Focus Root');
  await expectRevealed(authorities.created('root', 'Focus Root'));
  await authorities.createIntermediate('Focus Issuing', 'Focus Root');
  await expectRevealed(authorities.created('intermediate', 'Focus Issuing'));

  await app.goTo('Issue');
  await issue.issue({ ca: 'Focus Issuing', profile: 'server', cn: 'web.example', sans: 'web.example' });
  await expectRevealed(issue.result.getByRole('heading', { name: 'Issued certificate' }));

  await app.goTo('Sign CSR');
  await csr.paste((await opensslMakeCsr({ cn: 'focus-worker', san: 'DNS:focus-worker.internal' })).csrPem);
  await csr.sign('Focus Root', 'client');
  const signed = csr.result.getByRole('heading', { name: 'Signed certificate' });
  await expectRevealed(signed);
  // Focus sits at the result, so Tab continues into it: the first download button.
  await signed.page().keyboard.press('Tab');
  await expect(csr.result.getByRole('button', { name: 'Download certificate' })).toBeFocused();
});
