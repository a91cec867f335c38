import { describe, expect, it } from 'vitest';
import { pemEncode } from './pem.ts';
import { pemAsciiWriter } from './pem-ascii.ts';
import { pemAsciiOfItem, withPemText } from './pem-text-item.ts';

const der = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 5) & 255);
const CERT = pemEncode('CERTIFICATE', der(300));
const KEY = pemEncode('PRIVATE KEY', der(138));
const ROOT = pemEncode('CERTIFICATE', der(200));

function asciiItem() {
  const write = pemAsciiWriter(1);
  return withPemText(write('CERTIFICATE', der(300)), write('PRIVATE KEY', der(138)), ROOT, { name: 'n1', line: 1 });
}

describe('withPemText', () => {
  it('reads as plain strings however the PEMs are held: fields, spread, JSON and a structured clone', () => {
    const item = asciiItem();
    const plain = { certPem: CERT, keyPem: KEY, chainPem: CERT + ROOT, name: 'n1', line: 1 };
    expect(withPemText(CERT, KEY, ROOT, { name: 'n1', line: 1 })).toEqual(plain);
    expect({ ...item }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(item))).toEqual(plain);
    expect(structuredClone(item)).toEqual(plain);
    expect(Object.keys(item)).toEqual(Object.keys(plain));
  });

  it('hands its PEMs out as bytes until one is set as text: a key encrypted later is never sent in the clear', () => {
    const item = asciiItem();
    const bytes = pemAsciiOfItem(item)!;
    expect(new TextDecoder().decode(bytes.cert)).toBe(CERT);
    expect(new TextDecoder().decode(bytes.key)).toBe(KEY);
    item.keyPem = '-----BEGIN ENCRYPTED PRIVATE KEY-----\n…';
    expect(pemAsciiOfItem(item)).toEqual({ cert: bytes.cert });
    expect(item.keyPem).toMatch(/ENCRYPTED/);
    item.chainPem = 'replaced';
    expect(item.chainPem).toBe('replaced');
    expect(item.certPem).toBe(CERT);
  });

  it('holds nothing as bytes for an item made of strings', () => {
    expect(pemAsciiOfItem(withPemText(CERT, KEY, '', {}))).toBeUndefined();
  });
});
