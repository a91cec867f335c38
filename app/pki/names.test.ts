import { describe, expect, it } from 'vitest';
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { createRootCa, createRootIssuer } from './ca.ts';
import { PkiError } from './errors.ts';
import { issueLeaf } from './issue.ts';
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

/**
 * Regression (review M1): a value holding half a UTF-16 surrogate pair (a cut emoji in a paste or a
 * JSON body) got a root from the fast path with U+FFFD in its name, while the general path threw a
 * URIError; both now refuse it at checkSubject, naming the field, and a whole pair is still taken.
 */
describe('checkSubject refuses broken UTF-16 text, naming the field', () => {
  const bad: { name: string; input: SubjectFields; want: { field: string } }[] = [
    { name: 'lone high surrogate in the CN', input: { commonName: 'Team \ud83d CA' }, want: { field: 'commonName' } },
    {
      name: 'lone low surrogate at the end of O',
      input: { commonName: 'CA', organization: 'Org \ude00' },
      want: { field: 'organization' },
    },
    {
      name: 'a pair in the wrong order in L',
      input: { commonName: 'CA', locality: 'x\ude00\ud83dy' },
      want: { field: 'locality' },
    },
  ];
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  for (const row of bad)
    it(row.name, async () => {
      const e = refusal(() => checkSubject(row.input));
      expect(e).toBeInstanceOf(PkiError);
      expect({ code: (e as PkiError).code, field: (e as PkiError).field }).toEqual({
        code: 'invalid-name',
        ...row.want,
      });
      // Both root paths and a leaf refuse it the same way: the first root of a shape (general path),
      // a later one (fast path), a root on an existing key, and a leaf's subject.
      const { commonName, ...others } = row.input;
      const made = await createRootIssuer({ subject: { commonName: 'Well-formed CA' } });
      await createRootIssuer({ subject: { commonName: 'Second CA' } });
      for (const attempt of [
        () => createRootIssuer({ subject: row.input }),
        () => createRootIssuer({ subject: row.input, keyPem: made.ca.keyPem }),
        () => issueLeaf({ profile: 'client', commonName, subject: others }, made.issuer),
      ]) {
        const refused = await attempt().then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(refused).toBeInstanceOf(PkiError);
        expect((refused as PkiError).field).toBe(row.want.field);
      }
    });

  it('a whole surrogate pair (an emoji) is taken', async () => {
    expect(checkSubject({ commonName: 'Team 😀 CA' }).commonName).toBe('Team 😀 CA');
    const ca = await createRootCa({ subject: { commonName: 'Team 😀 CA' } });
    expect(new X509Certificate(ca.certPem).subjectName.getField('CN')).toEqual(['Team 😀 CA']);
  });
});
