import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64, encodeBase64Url, pemDecodeAll, pemEncode } from './pem.ts';

describe('base64 codecs agree with Node Buffer', () => {
  it('base64 and unpadded base64url of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        // Empty is "no base64" to the strict decoder.
        const back = decodeBase64(encodeBase64(bytes));
        expect(back === undefined ? undefined : new Uint8Array(back)).toEqual(bytes.length === 0 ? undefined : bytes);
      }),
    );
  });

  it('base64url uses - and _ and drops the padding', () => {
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

/** The old decoding path (lines split and trimmed, joined, then atob's strict check), as the reference. */
function referenceDecode(body: string): Uint8Array | undefined {
  const b64 = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('');
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

const wrap = (b64: string, columns: number, eol: string) =>
  (b64.match(new RegExp(`.{1,${columns}}`, 'g')) ?? []).map((l) => l + eol).join('');

describe('pemDecodeAll: the one-pass body decoder agrees with the line-by-line one', () => {
  const layouts: { name: string; body: (b64: string) => string }[] = [
    { name: "pemEncode's own layout", body: (b) => `\n${wrap(b, 64, '\n')}` },
    { name: 'CRLF line ends', body: (b) => `\r\n${wrap(b, 64, '\r\n')}` },
    { name: '76 columns', body: (b) => `\n${wrap(b, 76, '\n')}` },
    { name: 'one line', body: (b) => `\n${b}\n` },
    { name: 'indented lines', body: (b) => `\n${wrap(b, 64, '\n').replace(/^/gm, '  ')}` },
    { name: 'an empty line inside', body: (b) => `\n${b.slice(0, 8)}\n\n${b.slice(8)}\n` },
    { name: 'a space inside a line (damaged)', body: (b) => `\n${b.slice(0, 5)} ${b.slice(5)}\n` },
    { name: 'a lone CR inside a line (damaged)', body: (b) => `\n${b.slice(0, 5)}\r${b.slice(5)}\n` },
    { name: 'data after the padding (damaged)', body: (b) => `\n${b}QUJD\n` },
    { name: 'a character short (damaged)', body: (b) => `\n${b.slice(1)}\n` },
  ];
  for (const layout of layouts) {
    it(layout.name, () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (bytes) => {
          const body = layout.body(Buffer.from(bytes).toString('base64'));
          const text = `junk before\n-----BEGIN CERTIFICATE-----${body}-----END CERTIFICATE-----\nafter`;
          const { blocks, bad } = pemDecodeAll(text);
          const want = referenceDecode(body);
          if (want === undefined) {
            expect(blocks).toEqual([]);
            expect(bad.length).toBe(1);
            return;
          }
          expect(new Uint8Array(blocks[0]!.der)).toEqual(want);
          // The text is kept exactly when it is what pemEncode writes for these bytes.
          const own = pemEncode('CERTIFICATE', want);
          expect(blocks[0]!.pem).toBe(text.includes(own) ? own : undefined);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('padding bits that are not zero decode as before, and the text is not kept (pemEncode would write other text)', () => {
    // "QR==" is 0x41 with four stray bits set; "QQ==" is its canonical form.
    const { blocks } = pemDecodeAll('-----BEGIN X-----\nQR==\n-----END X-----\n');
    expect(new Uint8Array(blocks[0]!.der)).toEqual(new Uint8Array([0x41]));
    expect(blocks[0]!.pem).toBeUndefined();
    expect(pemDecodeAll('-----BEGIN X-----\nQQ==\n-----END X-----\n').blocks[0]!.pem).toBe(
      '-----BEGIN X-----\nQQ==\n-----END X-----\n',
    );
  });

  it("the kept text ends with pemEncode's one line feed, whatever follows the END line", () => {
    const own = pemEncode('CERTIFICATE', new Uint8Array([1, 2, 3, 4, 5]));
    const block = own.slice(0, -1);
    for (const after of ['\n', '\n\n', '\r\n', '', ' trailing', '\n-----BEGIN X-----\nQQ==\n-----END X-----\n']) {
      expect(pemDecodeAll(`${block}${after}`).blocks[0]!.pem, JSON.stringify(after)).toBe(own);
    }
  });

  it('RFC 1421 headers still go to the headers', () => {
    const { blocks } = pemDecodeAll(
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nQUJD\n-----END RSA PRIVATE KEY-----\n',
    );
    expect(blocks[0]!.headers).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-128-CBC,00' });
    expect(new TextDecoder().decode(blocks[0]!.der)).toBe('ABC');
    expect(blocks[0]!.pem).toBeUndefined();
  });
});
