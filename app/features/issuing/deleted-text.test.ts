import { describe, expect, it } from 'vitest';
import type { WorkspaceItem } from '../../store/index.ts';
import { deletedText } from './lifecycle-actions.ts';

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `i${i}` }) as WorkspaceItem);

describe('deletedText', () => {
  const rows: [removed: number, text: string][] = [
    [1, 'Deleted web-1.'],
    [2, 'Deleted web-1 and 1 item that depended on it.'],
    [4, 'Deleted web-1 and 3 items that depended on it.'],
  ];
  for (const [removed, text] of rows)
    it(`${removed} removed: ${text}`, () => expect(deletedText('web-1', items(removed))).toBe(text));
});
