/**
 * The store only persists (eslint.config.js): a WebCrypto call in app/store is refused, and the
 * key lock reaches its cryptography through app/pki/sealing/index.ts alone. Each row lints a line
 * as if it were in a real file and says which rule, if any, refuses it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULES = ['no-restricted-syntax', '@typescript-eslint/no-restricted-imports'];

async function refusedBy(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).flatMap((m) => (m.ruleId && RULES.includes(m.ruleId) ? [m.ruleId] : []));
}

const SUBTLE = 'export const k = (c: Crypto) => c.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, []);';
const GLOBAL_SUBTLE = 'export const d = (b: Uint8Array<ArrayBuffer>) => globalThis.crypto.subtle.digest("SHA-256", b);';

const rows: { name: string; input: { file: string; code: string }; want: string[] }[] = [
  {
    name: 'WebCrypto in the store is refused',
    input: { file: 'app/store/key-vault.ts', code: SUBTLE },
    want: ['no-restricted-syntax'],
  },
  {
    name: 'WebCrypto through globalThis in the store is refused',
    input: { file: 'app/store/item-storage.ts', code: GLOBAL_SUBTLE },
    want: ['no-restricted-syntax'],
  },
  {
    name: 'WebCrypto in the sealing module passes',
    input: { file: 'app/pki/sealing/item-sealing.ts', code: SUBTLE },
    want: [],
  },
  {
    name: 'WebCrypto in a store test passes (tests reach anywhere)',
    input: { file: 'app/store/key-lock.test.ts', code: SUBTLE },
    want: [],
  },
  {
    name: "the store importing the sealing module's index passes",
    input: { file: 'app/store/key-vault.ts', code: "import { batchSealer } from '../pki/sealing/index.ts';" },
    want: [],
  },
  {
    name: 'the store importing a sealing file directly fails',
    input: { file: 'app/store/key-vault.ts', code: "import { batchSealer } from '../pki/sealing/item-sealing.ts';" },
    want: ['@typescript-eslint/no-restricted-imports'],
  },
];

describe('the store holds no cryptography', () => {
  for (const row of rows)
    it(row.name, async () => {
      expect(await refusedBy(row.input.file, row.input.code)).toEqual(row.want);
    });
});
