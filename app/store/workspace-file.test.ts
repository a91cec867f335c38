import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeWorkspaceFile, encodeWorkspaceFile, isEncryptedWorkspaceFile } from './workspace-file.ts';
import type { WorkspaceItem } from './types.ts';

const crypto = webcrypto as unknown as Crypto;
const items: WorkspaceItem[] = [
  {
    id: 'r',
    kind: 'ca',
    name: 'root',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    pem: 'CERT',
    keyPem: 'KEY ü',
    meta: { profile: 'root' },
  },
  {
    id: 'l',
    kind: 'certificate',
    name: 'node1',
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    pem: 'LEAF',
    parentId: 'r',
    meta: { sans: [{ kind: 'dns', value: 'node1' }] },
  },
];
const now = new Date(Date.UTC(2026, 4, 1));
const fast = { iterations: 1000 };

describe('workspace file round trip', () => {
  const rows = [
    { name: 'plain', input: { pass: undefined, readPass: undefined }, want: { encrypted: false } },
    {
      name: 'encrypted with a non-ASCII passphrase',
      input: { pass: 'pässwörd ✓', readPass: 'pässwörd ✓' },
      want: { encrypted: true },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const text = await encodeWorkspaceFile(items, row.input.pass, now, fast, crypto);
      expect(isEncryptedWorkspaceFile(text)).toBe(row.want.encrypted);
      expect(text.includes('KEY')).toBe(!row.want.encrypted);
      expect(await decodeWorkspaceFile(text, row.input.readPass, crypto)).toEqual({ items, skipped: 0 });
    });
  }

  it('uses 600,000 PBKDF2 iterations by default (read back from the DER with openssl-free ASN.1 walk)', async () => {
    const text = await encodeWorkspaceFile(items, 'pw', now, {}, crypto);
    const der = Buffer.from((JSON.parse(text) as { encryption: string }).encryption, 'base64');
    // INTEGER 600000 = 02 03 09 27 C0
    expect(der.includes(Buffer.from([0x02, 0x03, 0x09, 0x27, 0xc0]))).toBe(true);
  });
});

describe('workspace file errors', () => {
  const rows: {
    name: string;
    input: () => Promise<string>;
    pass: string | undefined;
    wantError: { code: string; field: string };
  }[] = [
    {
      name: 'wrong passphrase',
      input: () => encodeWorkspaceFile(items, 'right', now, fast, crypto),
      pass: 'wrong',
      wantError: { code: 'wrong-password', field: 'password' },
    },
    {
      name: 'missing passphrase',
      input: () => encodeWorkspaceFile(items, 'right', now, fast, crypto),
      pass: undefined,
      wantError: { code: 'wrong-password', field: 'password' },
    },
    {
      name: 'not JSON',
      input: () => Promise.resolve('-----BEGIN CERTIFICATE-----'),
      pass: undefined,
      wantError: { code: 'invalid-argument', field: 'file' },
    },
    {
      name: 'JSON of something else',
      input: () => Promise.resolve('{"hello":1}'),
      pass: undefined,
      wantError: { code: 'invalid-argument', field: 'file' },
    },
    {
      name: 'from a newer certbench',
      input: () => Promise.resolve('{"format":"certbench-workspace","version":99,"items":[]}'),
      pass: undefined,
      wantError: { code: 'invalid-argument', field: 'file' },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const text = await row.input();
      await expect(decodeWorkspaceFile(text, row.pass, crypto)).rejects.toMatchObject(row.wantError);
    });
  }

  it('a file written by the previous version (SANs as "DNS:x" text) reads with typed SANs', async () => {
    const v1Leaf = { ...items[1], meta: { sans: ['DNS:node1'] } };
    const text = JSON.stringify({
      format: 'certbench-workspace',
      version: 1,
      exportedAt: now.toISOString(),
      items: [items[0], v1Leaf],
    });
    expect(await decodeWorkspaceFile(text, undefined, crypto)).toEqual({ items, skipped: 0 });
  });

  it('damaged items are skipped and counted, the rest kept', async () => {
    const text = JSON.stringify({
      format: 'certbench-workspace',
      version: 1,
      exportedAt: now.toISOString(),
      items: [items[0], { id: 3 }, 'junk'],
    });
    expect(await decodeWorkspaceFile(text, undefined, crypto)).toEqual({ items: [items[0]], skipped: 2 });
  });
});
