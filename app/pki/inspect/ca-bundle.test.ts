// Every certificate of the system CA bundle, read and summarised, against two judges: Python
// cryptography (exact RFC 4514 names, serial, dates, SHA-256, SANs) and one `openssl pkcs7
// -print_certs -text` pass over the whole bundle (serial, dates, name attributes, SANs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../read/read-input.ts';
import { certificateModel } from '../model/certificate.ts';
import { judge, python } from '../read/test-judges.ts';
import type { CertificateItem } from '../read/types.ts';
import { nameAttributes } from './name-text.ts';
import { explain } from './explain.ts';
import { summarize } from './summary.ts';
import { treeToText } from './tree.ts';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const bundle = readFileSync(BUNDLE, 'utf8');

const PY = `
import sys, json
from cryptography import x509
from cryptography.hazmat.primitives import hashes
KIND = {x509.DNSName: 'dns', x509.IPAddress: 'ip', x509.RFC822Name: 'email', x509.UniformResourceIdentifier: 'uri', x509.DirectoryName: 'dn'}
def text(g):
    return g.value.rfc4514_string() if isinstance(g, x509.DirectoryName) else str(g.value)
out = []
for c in x509.load_pem_x509_certificates(sys.stdin.buffer.read()):
    try:
        san = c.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        sans = [{'type': KIND[type(g)], 'value': text(g)} for g in san if type(g) in KIND]
    except x509.ExtensionNotFound:
        sans = []
    out.append({'subject': c.subject.rfc4514_string(), 'issuer': c.issuer.rfc4514_string(),
      'serial': format(c.serial_number, 'x'),
      'notBefore': c.not_valid_before_utc.strftime('%Y-%m-%dT%H:%M:%SZ'),
      'notAfter': c.not_valid_after_utc.strftime('%Y-%m-%dT%H:%M:%SZ'),
      'sha256': c.fingerprint(hashes.SHA256()).hex(), 'sha1': c.fingerprint(hashes.SHA1()).hex(), 'sans': sans})
print(json.dumps(out))
`;

interface PyCert {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  sha1: string;
  sans: { type: string; value: string }[];
}

/** OpenSSL's short names for the attributes its compat name printer shows. */
const OPENSSL_SN: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** A value as OpenSSL's compat printer writes it: bytes >= 0x80 as \xNN, "/" as "\/". */
function opensslEscape(value: string): string {
  let s = '';
  for (const b of new TextEncoder().encode(value))
    s += b >= 0x80 ? `\\x${b.toString(16).toUpperCase()}` : b === 0x2f ? '\\/' : String.fromCharCode(b);
  return s;
}

interface OpensslCert {
  serial: string;
  notBefore: string;
  notAfter: string;
  subject: string;
  issuer: string;
  dns: string[];
}

function parseOpenssl(text: string): OpensslCert[] {
  return text
    .split(/^Certificate:$/m)
    .slice(1)
    .map((block) => {
      const serialLine = /Serial Number:(.*)\n(.*)/.exec(block);
      const hexInParens = /\(0x([0-9a-f]+)\)/.exec(serialLine?.[1] ?? '');
      const serial = (hexInParens ? hexInParens[1] : serialLine?.[2]?.trim().replace(/:/g, '')) ?? '';
      const date = (label: string) =>
        new Date(/Not (?:Before|After) ?: (.*)/.exec(block.slice(block.indexOf(label)))?.[1] ?? '')
          .toISOString()
          .replace('.000Z', 'Z');
      const san = /Subject Alternative Name: ?\n\s*(.*)/.exec(block)?.[1] ?? '';
      return {
        serial: serial.replace(/^0+/, ''),
        notBefore: date('Not Before'),
        notAfter: date('Not After'),
        subject: /Subject: (.*)/.exec(block)?.[1] ?? '',
        issuer: /Issuer: (.*)/.exec(block)?.[1] ?? '',
        dns: [...san.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] ?? ''),
      };
    });
}

describe('system CA bundle against python cryptography and openssl', async () => {
  const items = await readInput({ name: 'ca-certificates.crt', text: bundle });
  const certs = items.filter((i): i is CertificateItem => i.kind === 'certificate');
  const py = JSON.parse(python(PY, bundle)) as PyCert[];
  const ossl = parseOpenssl(
    judge('sh', ['-c', `openssl crl2pkcs7 -nocrl -certfile ${BUNDLE} | openssl pkcs7 -print_certs -text -noout`]),
  );

  it('reads every block as a certificate, and the judges see the same count', () => {
    expect(items.filter((i) => i.kind === 'error')).toEqual([]);
    expect(certs.length).toBeGreaterThan(100);
    expect(py.length).toBe(certs.length);
    expect(ossl.length).toBe(certs.length);
  });

  const rows = certs.map((item, i) => ({ name: `#${i + 1} ${item.source}`, item, py: py[i], ossl: ossl[i] }));
  for (const row of rows) {
    it(row.name, () => {
      const s = summarize(row.item, { lint: false });
      if (s.kind !== 'certificate') throw new Error(`not a certificate summary: ${s.kind}`);
      expect(s).toMatchObject({
        subject: row.py?.subject,
        issuer: row.py?.issuer,
        notBefore: row.py?.notBefore,
        notAfter: row.py?.notAfter,
        subjectAltNames: row.py?.sans,
      });
      expect(s.fingerprints.sha256).toBe(row.py?.sha256);
      expect(s.fingerprints.sha256).toBe(createHash('sha256').update(new Uint8Array(row.item.der)).digest('hex'));
      // The SHA-1 fingerprint too, judged by two other stacks.
      expect(s.fingerprints.sha1).toBe(row.py?.sha1);
      expect(s.fingerprints.sha1).toBe(createHash('sha1').update(new Uint8Array(row.item.der)).digest('hex'));
      // Whole bytes (as the issue asks) versus Python's minimal hex: equal once a leading 0 nibble goes.
      expect(String(s.serialNumber)).toMatch(/^([0-9a-f]{2})+$/);
      expect(String(s.serialNumber).replace(/^0/, '')).toBe(row.py?.serial);
      expect(String(s.serialNumber).replace(/^0+/, '')).toBe(row.ossl?.serial);
      expect([s.notBefore, s.notAfter]).toEqual([row.ossl?.notBefore, row.ossl?.notAfter]);
      const dns = s.subjectAltNames.filter((n) => n.type === 'dns').map((n) => n.value);
      expect(dns).toEqual(row.ossl?.dns);
      // Real-world extensions (policies with notices, name constraints, AIA, CT) all decode.
      expect(treeToText(explain(row.item))).not.toMatch(/does not decode/);
      const model = certificateModel(row.item.der);
      for (const [field, der] of [
        ['subject', model.subject],
        ['issuer', model.issuer],
      ] as const) {
        for (const a of nameAttributes(der).flat()) {
          const sn = OPENSSL_SN[a.oid];
          if (sn && a.text !== undefined) expect(row.ossl?.[field]).toContain(`${sn}=${opensslEscape(a.text)}`);
        }
      }
    });
  }
});
