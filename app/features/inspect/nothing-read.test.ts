import { describe, expect, it } from 'vitest';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { lockedText, noChainReason, nothingReadText } from './nothing-read.ts';

function item(kind: InspectedItem['kind'], source: string, code = 'parse-error'): InspectedItem {
  const summary =
    kind === 'error' ? { kind, source, code, message: 'x' } : ({ kind } as unknown as InspectedItem['summary']);
  return { id: source, source, kind, title: source, tree: { label: source }, summary, findings: [] };
}

describe('noChainReason', () => {
  const rows: Array<{ name: string; items: InspectedItem[]; want: ReturnType<typeof noChainReason> }> = [
    {
      name: 'garbage only',
      items: [item('error', 'junk.bin')],
      want: { nothingRead: true, locked: [], noCertificate: false },
    },
    {
      name: 'a PKCS#12 without its password',
      items: [item('error', 'a.p12', 'wrong-password')],
      want: { nothingRead: true, locked: ['a.p12'], noCertificate: false },
    },
    {
      name: 'a locked PKCS#12 beside a readable certificate',
      items: [item('error', 'a.p12', 'wrong-password'), item('certificate', 'ca.pem')],
      want: { nothingRead: false, locked: ['a.p12'], noCertificate: false },
    },
    {
      name: 'a key alone: read, but no certificate',
      items: [item('private-key', 'k.pem')],
      want: { nothingRead: false, locked: [], noCertificate: true },
    },
    {
      name: 'two errors from one file name it once',
      items: [item('error', 'a.p12', 'wrong-password'), item('error', 'a.p12', 'wrong-password')],
      want: { nothingRead: true, locked: ['a.p12'], noCertificate: false },
    },
  ];
  for (const row of rows) it(row.name, () => expect(noChainReason(row.items)).toEqual(row.want));
});

describe('nothingReadText', () => {
  const rows = [
    { name: 'garbage', locked: [], given: false, want: /^Nothing could be read: no input is a certificate, key/ },
    {
      name: 'no password given',
      locked: ['a.p12'],
      given: false,
      want: /^Nothing could be read: a\.p12 is locked with a password\.$/,
    },
    {
      name: 'a wrong password',
      locked: ['a.p12'],
      given: true,
      want: /^Nothing could be read: the password given does not open a\.p12\.$/,
    },
    { name: 'two locked files', locked: ['a.p12', 'b.pfx'], given: false, want: /a\.p12, b\.pfx are locked/ },
  ];
  for (const row of rows) it(row.name, () => expect(nothingReadText(row.locked, row.given)).toMatch(row.want));
});

describe('lockedText', () => {
  const rows = [
    { name: 'one file, no password', locked: ['a.p12'], given: false, want: 'a.p12 is locked with a password' },
    {
      name: 'one file, a wrong password',
      locked: ['a.p12'],
      given: true,
      want: 'the password given does not open a.p12',
    },
  ];
  for (const row of rows) it(row.name, () => expect(lockedText(row.locked, row.given)).toBe(row.want));
});
