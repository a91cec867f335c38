import { describe, expect, it } from 'vitest';
import type { CertificateSummary, Summary } from '../../pki/index.ts';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { canSave, toNewItem } from './save-items.ts';
import { reportJson } from './report-json.ts';
import { MAX_INPUT_BYTES, pastedInput, readFiles } from './read-inputs.ts';

const certSummary: CertificateSummary = {
  kind: 'certificate',
  source: 'a.pem',
  subject: 'CN=node1',
  issuer: 'CN=ca',
  serialNumber: '0a',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2027-01-01T00:00:00Z',
  fingerprints: { sha256: 'ab', sha1: 'cd' },
  subjectAltNames: [
    { type: 'dns', value: 'node1' },
    { type: 'ip', value: '10.0.0.1' },
    { type: 'dn', value: 'CN=x' },
  ],
  isCA: false,
  pathLength: null,
  keyUsage: [],
  extendedKeyUsage: [],
  publicKey: { algorithm: 'EC', curve: 'P-256' },
  signatureAlgorithm: 'ecdsa-with-SHA256',
  findings: [],
};
const errorSummary: Summary = { kind: 'error', source: 'a.pem', code: 'invalid-pem', message: 'x' };
const bare: Summary = { kind: 'private-key', source: 'a.pem', format: 'pkcs8', publicKey: null };

const base = (over: Partial<InspectedItem>): InspectedItem => ({
  id: '0.0',
  source: 'a.pem',
  kind: 'certificate',
  title: 'node1',
  tree: { label: 'Certificate' },
  summary: bare,
  findings: [],
  ...over,
});
const key = base({ id: '1.0', kind: 'private-key', title: 'P-256 key', pem: 'KEYPEM' });

const rows: { name: string; input: InspectedItem; all?: InspectedItem[]; want: ReturnType<typeof toNewItem> }[] = [
  {
    name: 'a leaf keeps subject, serial, dates and its SANs typed as issuing stores them (a directory name has no SAN kind)',
    input: base({ pem: 'CERTPEM', summary: certSummary }),
    want: {
      kind: 'certificate',
      name: 'node1',
      pem: 'CERTPEM',
      meta: {
        source: 'a.pem',
        subject: 'CN=node1',
        issuer: 'CN=ca',
        serial: '0a',
        notBefore: '2026-01-01T00:00:00Z',
        notAfter: '2027-01-01T00:00:00Z',
        sans: [
          { kind: 'dns', value: 'node1' },
          { kind: 'ip', value: '10.0.0.1' },
        ],
      },
    },
  },
  {
    name: 'a CA certificate with its key in the report is saved able to issue',
    input: base({ pem: 'CAPEM', isCA: true, keyId: '1.0' }),
    all: [key],
    want: { kind: 'ca', name: 'node1', pem: 'CAPEM', keyPem: 'KEYPEM', meta: { source: 'a.pem' } },
  },
  {
    name: 'a private key is a key item',
    input: key,
    want: { kind: 'key', name: 'P-256 key', pem: 'KEYPEM', meta: { source: 'a.pem' } },
  },
  {
    name: 'a CSR is a csr item',
    input: base({ kind: 'csr', pem: 'CSRPEM' }),
    want: { kind: 'csr', name: 'node1', pem: 'CSRPEM', meta: { source: 'a.pem' } },
  },
  { name: 'an error item cannot be saved', input: base({ kind: 'error', message: 'wrong password' }), want: undefined },
  { name: 'a CRL cannot be saved', input: base({ kind: 'crl', pem: 'X' }), want: undefined },
];

describe('toNewItem', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(toNewItem(row.input, row.all)).toEqual(row.want);
      expect(canSave(row.input)).toBe(row.want !== undefined);
    });
  }
});

describe('reportJson', () => {
  it('is the array of item summaries, like certbench inspect --json', () => {
    const json = reportJson({
      at: '2026-01-01T00:00:00.000Z',
      items: [base({ summary: certSummary }), base({ kind: 'error', summary: errorSummary })],
      relations: [],
      diagnoses: [],
    });
    expect(JSON.parse(json)).toEqual([certSummary, errorSummary]);
  });
});

describe('readFiles', () => {
  const table: { name: string; input: File[]; want: { inputs: string[]; rejected: RegExp[] } }[] = [
    {
      name: 'small files are read as bytes',
      input: [new File(['abc'], 'a.pem')],
      want: { inputs: ['a.pem'], rejected: [] },
    },
    {
      name: 'a file over the cap is refused by name, before reading',
      input: [new File([new Uint8Array(MAX_INPUT_BYTES + 1)], 'big.bin'), new File(['x'], 'b.der')],
      want: {
        inputs: ['b.der'],
        rejected: [/^big\.bin is 10\.0 MiB; certbench reads inputs up to 10 MiB\. Certificates/],
      },
    },
  ];
  for (const row of table) {
    it(row.name, async () => {
      const got = await readFiles(row.input);
      expect(got.inputs.map((i) => i.name)).toEqual(row.want.inputs);
      expect(got.rejected).toHaveLength(row.want.rejected.length);
      row.want.rejected.forEach((re, i) => expect(got.rejected[i]?.message).toMatch(re));
    });
  }
  it('blank pasted text is no input', () => {
    expect(pastedInput('  \n')).toEqual([]);
    expect(pastedInput('x')).toEqual([{ name: 'pasted text', data: 'x' }]);
  });
});
