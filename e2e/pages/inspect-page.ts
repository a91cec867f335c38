/** The Inspect view: add files, paste PEM, password, host and role; items, diagnosis, report. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { watchText } from './text-history.ts';

/** Paths on disk, or files made in the test. */
export type FileInputs = string[] | { name: string; mimeType: string; buffer: Buffer }[];

export class InspectPage {
  readonly files: Locator;
  readonly paste: Locator;
  readonly password: Locator;
  readonly host: Locator;
  readonly role: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly diagnosis: Locator;
  /** The list of added files under the file input (name and size of each). */
  readonly addedFiles: Locator;

  constructor(readonly page: Page) {
    this.files = page.getByLabel('Add files');
    this.paste = page.getByLabel('Paste PEM');
    this.password = page.getByLabel('Password', { exact: true });
    this.host = page.getByLabel('Host name or IP address');
    this.role = page.getByLabel('Role', { exact: true });
    this.status = page.locator('.inspect__status');
    this.alert = page.getByRole('alert');
    this.diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    this.addedFiles = page.getByRole('list', { name: 'Added files' });
  }

  /** Add files and wait until the worker has answered for them. */
  async addFiles(files: FileInputs): Promise<void> {
    await this.settledAfter(() => this.files.setInputFiles(files));
  }

  /** Drop a file anywhere on the page, as a file manager would (a drop event carrying Files). */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: 'application/x-pem-file' }));
        return dt;
      },
      [name, text] as const,
    );
    const target = this.page.getByRole('heading', { level: 2, name: 'Inspect' });
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(this.page.getByText('Drop files to inspect them')).toBeVisible();
    await this.settledAfter(() => target.dispatchEvent('drop', { dataTransfer: transfer }));
  }

  async pastePem(text: string): Promise<void> {
    await this.paste.fill(text);
    await this.inspect();
  }

  /** Type into a field (the paste or the password) and wait for the run it starts by itself once typing pauses. */
  async typeAndWait(field: Locator, text: string): Promise<void> {
    await this.settledAfter(() => field.fill(text));
  }

  /** Press Inspect (it waits while a run is in flight) and wait for the new run's answer. */
  async inspect(): Promise<void> {
    await this.settledAfter(() => this.page.getByRole('button', { name: 'Inspect', exact: true }).click());
  }

  async diagnoseFor(host: string, role: '' | 'server' | 'client'): Promise<void> {
    await this.host.fill(host);
    await this.role.selectOption(role);
    await this.inspect();
  }

  /**
   * Do something that starts a run, then wait until that run has answered. A run always shows
   * "Reading…" first, but files are read before it starts, so right after the action the status
   * may still show the previous answer (or nothing): waiting for "not Reading" alone could pass
   * before the run began. The status line's history says when this run started and ended.
   */
  private async settledAfter(action: () => Promise<void>): Promise<void> {
    await expect(this.status, 'a run still in flight before the next one').not.toHaveText(/Reading/, {
      timeout: 60_000,
    });
    const history = await watchText(this.status);
    try {
      await action();
      await expect
        .poll(async () => (await history.seen()).slice(1).some((t) => /Reading/.test(t)), {
          message: 'the status line shows "Reading…" once the inputs are read',
          timeout: 30_000,
        })
        .toBe(true);
      await expect(this.status).not.toHaveText(/Reading/, { timeout: 60_000 });
    } finally {
      await history.stop();
    }
  }

  /** An inspected item, by the start of its heading ("Certificate: CN=node1"). */
  item(heading: string | RegExp): Locator {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { level: 3, name: heading }) });
  }

  /** Draw every item (a large report shows its first ones until asked). */
  async showAll(): Promise<void> {
    const more = this.page.getByRole('button', { name: /^Show all \d+ items$/ });
    if (await more.count()) await more.click();
  }

  /** The certificate table a report of many certificates shows (cert-rows.ts TABLE_FROM). */
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Certificates read' });
  }

  /**
   * Open the card of a certificate that sits in the table: filter for `subject` (default: what
   * follows "Certificate: " in the heading) and press the one row's Details.
   */
  async openInTable(heading: string | RegExp, subject?: string): Promise<void> {
    const text =
      subject ?? (typeof heading === 'string' ? heading : heading.source).replace(/^\^?(CA )?[Cc]ertificate: /, '');
    await this.page.getByLabel('Filter certificates').fill(text);
    await expect(this.table.getByRole('row')).toHaveCount(2);
    await this.table.getByRole('button', { name: /^Details/ }).click();
    await expect(this.item(heading)).toBeVisible();
  }

  async saveToWorkspace(heading: string | RegExp): Promise<void> {
    await this.showAll();
    if ((await this.item(heading).count()) === 0 && (await this.table.count()) > 0) await this.openInTable(heading);
    const item = this.item(heading);
    await item.getByRole('button', { name: /^Save to workspace/ }).click();
    await expect(item.getByRole('button', { name: /^Saved to workspace/ })).toBeDisabled();
  }

  async saveAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save all to workspace' }).click();
  }

  async downloadReport(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download JSON report' }).click();
    return wait;
  }

  async clear(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear inputs' }).click();
  }
}

/** Files of a small PKI made by openssl: root → issuing CA → leaf node1 (DNS node1.db, IP 10.0.0.1). */
export interface TestPki {
  dir: string;
  root: string;
  rootKey: string;
  intermediate: string;
  leaf: string;
  leafKey: string;
  /** Another leaf of the intermediate, without an authority key identifier. */
  leafWithoutAki: string;
}

/** Make a test PKI with openssl (a judge the tests need: fail loudly when it is missing). */
export function opensslPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-e2e-'));
  // Gone with the test worker: the files are test fixtures, private keys included.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    } catch (e) {
      throw new Error(`openssl ${args[0] ?? ''} failed; these tests need openssl 3 (apt-get install -y openssl)`, {
        cause: e,
      });
    }
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  writeFileSync(
    join(dir, 'leaf.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:node1.db,IP:10.0.0.1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=E2E Root',
    '-days',
    '30',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run(['req', ...ec, '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=E2E Issuing']);
  run([
    'x509',
    '-req',
    '-in',
    'int.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-days',
    '20',
    '-extfile',
    'ca.ext',
    '-out',
    'int.pem',
  ]);
  run(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=node1']);
  run([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'int.pem',
    '-CAkey',
    'int.key',
    '-CAcreateserial',
    '-days',
    '10',
    '-extfile',
    'leaf.ext',
    '-out',
    'leaf.pem',
  ]);
  // The same leaf without an authority key identifier: Python 3.13+ refuses it, OpenSSL's default accepts it.
  writeFileSync(
    join(dir, 'noaki.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:node2.db\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=none\n',
  );
  run(['req', ...ec, '-keyout', 'noaki.key', '-out', 'noaki.csr', '-subj', '/CN=node2']);
  run([
    'x509',
    '-req',
    '-in',
    'noaki.csr',
    '-CA',
    'int.pem',
    '-CAkey',
    'int.key',
    '-CAcreateserial',
    '-days',
    '10',
    '-extfile',
    'noaki.ext',
    '-out',
    'noaki.pem',
  ]);
  const at = (f: string) => join(dir, f);
  return {
    dir,
    root: at('root.pem'),
    rootKey: at('root.key'),
    intermediate: at('int.pem'),
    leaf: at('leaf.pem'),
    leafKey: at('leaf.key'),
    leafWithoutAki: at('noaki.pem'),
  };
}
