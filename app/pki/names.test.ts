import { describe, expect, it } from 'vitest';
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { subjectName } from './names.ts';
import { createRootCa } from './ca.ts';
import { opensslText } from '../test/judges/openssl.ts';

describe('subject names keep what was typed', () => {
  // Regression: @peculiar/x509's string form reads "#..." as hex and strips quotes and backslashes.
  const rows = [
    { name: 'printable CN', input: 'node1', want: { tag: 0x13, text: 'CN = node1' } },
    { name: 'CN with underscore is UTF8String', input: 'svc_a', want: { tag: 0x0c, text: 'CN = svc_a' } },
    { name: 'CN starting with #', input: '#ops', want: { tag: 0x0c, text: 'CN = "#ops"' } },
    { name: 'CN with quotes', input: '"quoted" name', want: { tag: 0x0c, text: 'CN = \\"quoted\\" name' } },
    { name: 'CN with backslash', input: 'a\\b', want: { tag: 0x0c, text: 'CN = a\\\\b' } },
    { name: 'non-ASCII CN', input: 'Müller', want: { tag: 0x0c, text: 'CN = M\\C3\\BCller' } },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const der = new Uint8Array(subjectName({ commonName: row.input }).toArrayBuffer());
      // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, <string> } } }: the string tag sits after the 5-byte OID.
      const hex = Convert.ToHex(der);
      const at = hex.indexOf('0603550403') / 2 + 5;
      expect(der[at]).toBe(row.want.tag);
      const ca = await createRootCa({ subject: { commonName: row.input } });
      const text = await opensslText(ca.certPem);
      expect(text).toContain(`Subject: ${row.want.text}\n`);
      expect(new X509Certificate(ca.certPem).subjectName.getField('CN')).toEqual([row.input]);
    });
  }
});
