// The one certificate model: facts are decoded from the located model (one read per DER buffer,
// shared with Inspect), and the validator's facts take DER only while the reader also locates BER.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTlv } from '../asn1/tlv.ts';
import { pemDecodeAll } from '../pem.ts';
import { certFactsFromDer, certFactsOfBuffer } from './cert-facts.ts';
import { certificateModel } from './certificate.ts';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const der = pemDecodeAll(readFileSync(BUNDLE, 'utf8')).blocks[0]!.der;

/** The same certificate with its outer SEQUENCE in BER's indefinite-length form (30 80 … 00 00). */
function indefiniteFrame(cert: Uint8Array): Uint8Array {
  const root = readTlv(cert, 0);
  return new Uint8Array([0x30, 0x80, ...cert.subarray(root.contentStart, root.contentEnd), 0, 0]);
}

describe('one read per certificate', () => {
  it('the facts are decoded from the model Inspect reads, once per buffer', () => {
    const buf = new Uint8Array(der).slice().buffer;
    const facts = certFactsOfBuffer(buf);
    expect(facts.model).toBe(certificateModel(buf));
    expect(certFactsOfBuffer(buf)).toBe(facts);
    expect(facts.tbs).toBe(facts.model.tbs);
  });

  it('a copy is read from the copy: later changes to the caller’s bytes do not reach the facts', () => {
    const bytes = new Uint8Array(der).slice();
    const facts = certFactsFromDer(bytes);
    const serial = [...facts.serial];
    bytes.fill(0);
    expect([...facts.serial]).toEqual(serial);
  });
});

describe('BER framing', () => {
  const ber = indefiniteFrame(new Uint8Array(der));
  it('the reader locates the fields of an indefinite-length certificate', () =>
    expect(certificateModel(ber.slice().buffer).serial.length).toBeGreaterThan(0));
  it('the validator refuses it, as DER-only TLS stacks do', () =>
    expect(() => certFactsFromDer(ber)).toThrow(/indefinite length/));
});
