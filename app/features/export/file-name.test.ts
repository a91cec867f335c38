import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-name.ts';

describe('safeFileName', () => {
  const names: { input: string; want: string }[] = [
    { input: 'node 1', want: 'node-1' },
    { input: '../etc/passwd', want: 'etc-passwd' },
    { input: '   ', want: 'item' },
  ];
  for (const row of names) it(JSON.stringify(row.input), () => expect(safeFileName(row.input)).toBe(row.want));
});
