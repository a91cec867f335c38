import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlight, languageOf, type CodeLanguage, type TokenKind } from './code-block.tsx';

/** The non-plain tokens, as `kind:text`, which is what a reader sees coloured. */
const coloured = (code: string, lang: CodeLanguage) =>
  highlight(code, lang)
    .filter((t) => t.kind !== 'plain')
    .map((t) => `${t.kind}:${t.text}`);

const rows: { name: string; lang: CodeLanguage; input: string; want: string[] }[] = [
  {
    name: 'yaml key, string and boolean',
    lang: 'yaml',
    input: 'certificate: "/etc/scylla/scylla.crt"\nenabled: true',
    want: ['key:certificate', 'string:"/etc/scylla/scylla.crt"', 'key:enabled', 'keyword:true'],
  },
  {
    name: 'yaml nested key under a list dash',
    lang: 'yaml',
    input: '  - name: tls\n    port: 9142 # cql',
    want: ['key:name', 'key:port', 'number:9142', 'comment:# cql'],
  },
  { name: 'yaml hash inside a value is not a comment', lang: 'yaml', input: 'a: x#y', want: ['key:a'] },
  { name: 'yaml url value is not a key', lang: 'yaml', input: 'url: https://h:1', want: ['key:url', 'number:1'] },
  {
    name: 'python keywords, f-string, comment',
    lang: 'python',
    input: 'import ssl\nctx = f"{a}"  # strict',
    want: ['keyword:import', 'string:f"{a}"', 'comment:# strict'],
  },
  {
    name: 'python triple-quoted string spans lines',
    lang: 'python',
    input: 'x = """a\nb"""',
    want: ['string:"""a\nb"""'],
  },
  { name: 'python keyword inside a word is plain', lang: 'python', input: 'classify = information', want: [] },
  {
    name: 'js keywords, template string, line comment',
    lang: 'js',
    input: 'const s = `a${b}`; // c',
    want: ['keyword:const', 'string:`a${b}`', 'comment:// c'],
  },
  {
    name: 'js block comment and number',
    lang: 'js',
    input: '/* x */ port: 8443',
    want: ['comment:/* x */', 'number:8443'],
  },
  {
    name: 'shell options, variables and strings',
    lang: 'shell',
    input: 'openssl verify -CAfile "$DIR/ca.crt" ${LEAF} # ok',
    want: ['option:-CAfile', 'string:"$DIR/ca.crt"', 'variable:${LEAF}', 'comment:# ok'],
  },
  { name: 'shell dash inside a word is not an option', lang: 'shell', input: 'x-y --out f', want: ['option:--out'] },
  {
    name: 'ini section, key, comment',
    lang: 'ini',
    input: '[ssl]\ncertfile = ca.pem\n; note\nvalidate = true',
    want: ['section:[ssl]', 'key:certfile', 'comment:; note', 'key:validate', 'keyword:true'],
  },
  { name: 'text is one plain token', lang: 'text', input: 'a: "b" # c', want: [] },
];

describe('highlight', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(coloured(row.input, row.lang)).toEqual(row.want);
    });
  }

  const languages: CodeLanguage[] = ['yaml', 'python', 'js', 'shell', 'ini', 'text'];
  for (const lang of languages) {
    it(`${lang}: tokens join back to the exact input, none empty`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (code) => {
          const tokens = highlight(code, lang);
          expect(tokens.map((t) => t.text).join('')).toBe(code);
          expect(tokens.every((t) => t.text.length > 0)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('merges adjacent plain text into one token', () => {
    const kinds: TokenKind[] = highlight('a b c', 'shell').map((t) => t.kind);
    expect(kinds).toEqual(['plain']);
  });
});

describe('languageOf', () => {
  const table: { input: string; want: CodeLanguage }[] = [
    { input: 'scylla.yaml', want: 'yaml' },
    { input: 'secret.yml', want: 'yaml' },
    { input: 'client.py', want: 'python' },
    { input: 'server.mjs', want: 'js' },
    { input: 'check.sh', want: 'shell' },
    { input: 'cqlshrc', want: 'ini' },
    { input: 'README', want: 'text' },
  ];
  for (const row of table) {
    it(row.input, () => expect(languageOf(row.input)).toBe(row.want));
  }
});
