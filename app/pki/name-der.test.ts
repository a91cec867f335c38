// The fast path's Name writer writes what subjectName (through @peculiar/x509's Name) writes, for
// the fields the CA forms and the CLI take: every attribute alone and together, both string types,
// characters that @peculiar/x509's string syntax would treat specially, non-BMP text, sizes that
// need long-form lengths.
import { describe, expect, it } from 'vitest';
import { Convert } from 'pvtsutils';
import { subjectNameDer } from './name-der.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';

const rows: { name: string; input: SubjectFields }[] = [
  { name: 'CN only, printable', input: { commonName: 'prod-db CA' } },
  { name: 'CN only, UTF-8', input: { commonName: 'Prüfstelle CA' } },
  { name: 'CN with an underscore (ASCII but not PrintableString)', input: { commonName: 'db_cluster CA' } },
  {
    name: 'DN syntax characters taken literally',
    input: { commonName: '#not-hex, "quoted" + a\\b = c; <d>', organization: '=O=' },
  },
  { name: 'non-BMP characters (4-byte UTF-8)', input: { commonName: 'Root 🔐 CA', organizationalUnit: '𝔘𝔫𝔦𝔱' } },
  { name: 'whitespace trimmed, lower-case country', input: { commonName: '  spaced CA  ', country: 'fr' } },
  {
    name: 'every attribute, mixed string types',
    input: {
      commonName: 'Mixed CA',
      organization: 'Société Générale',
      organizationalUnit: 'Platform',
      country: 'DE',
      state: 'Nordrhein-Westfalen',
      locality: 'Köln',
    },
  },
  {
    name: 'every attribute at its upper bound (long-form lengths)',
    input: {
      commonName: 'c'.repeat(64),
      organization: 'ö'.repeat(64),
      organizationalUnit: 'u'.repeat(64),
      country: 'SE',
      state: 's'.repeat(128),
      locality: 'ł'.repeat(128),
    },
  },
  { name: 'empty optional fields are left out', input: { commonName: 'Lean CA', organization: '', state: '   ' } },
];

describe('subjectNameDer = subjectName', () => {
  for (const row of rows) {
    it(row.name, () => {
      const want = Convert.ToHex(subjectName(row.input).toArrayBuffer());
      expect(Convert.ToHex(subjectNameDer(checkSubject(row.input)))).toBe(want);
    });
  }
});
