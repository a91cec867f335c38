import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSPECT_OPS, type InspectRequest } from './ops-inspect.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: 'pipe' });
  } catch (e) {
    throw new Error(`openssl is needed for this test (apt-get install -y openssl): ${String(e)}`);
  }
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-inspect-'));
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=node1', '-days', '30'], dir);
  openssl(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-passout', 'pass:right', '-out', 'a.p12'], dir);
});

const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const rows: { name: string; input: () => InspectRequest; want: { kinds: Record<string, number>; message?: RegExp } }[] = [
  { name: 'the system CA bundle reads as certificates only', input: () => ({ inputs: [{ name: 'ca-certificates.crt', data: readFileSync(SYSTEM_BUNDLE, 'utf8') }] }),
    want: { kinds: { certificate: readFileSync(SYSTEM_BUNDLE, 'utf8').split('BEGIN CERTIFICATE').length - 1 } } },
  { name: 'garbage bytes become one error item with a sentence', input: () => ({ inputs: [{ name: 'junk.bin', data: new Uint8Array([1, 2, 3, 4, 5, 255]) }] }),
    want: { kinds: { error: 1 }, message: /junk\.bin|not|recogn/i } },
  { name: 'a PKCS#12 with the right password gives key and certificate', input: () => ({ inputs: [{ name: 'a.p12', data: file('a.p12') }], password: 'right' }),
    want: { kinds: { certificate: 1, 'private-key': 1 } } },
  { name: 'a PKCS#12 with a wrong password says so', input: () => ({ inputs: [{ name: 'a.p12', data: file('a.p12') }], password: 'wrong' }),
    want: { kinds: { error: 1 }, message: /wrong password/i } },
  { name: 'a good and a bad input side by side: the good one still reads', input: () => ({ inputs: [{ name: 'c.pem', data: file('c.pem') }, { name: 'x', data: 'hello' }] }),
    want: { kinds: { certificate: 1, error: 1 } } },
];

describe('INSPECT_OPS.inspect', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const report = await INSPECT_OPS.inspect(row.input());
      const kinds: Record<string, number> = {};
      for (const i of report.items) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
      expect(kinds).toEqual(row.want.kinds);
      if (row.want.message) expect(report.items.find((i) => i.kind === 'error')?.message).toMatch(row.want.message);
      // Everything crosses the worker boundary: it must survive structured cloning.
      expect(structuredClone(report)).toEqual(report);
      expect(new Set(report.items.map((i) => i.id)).size).toBe(report.items.length);
    });
  }
});
