// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { TreeView, type TreeNode } from './tree-view.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(node: TreeNode, openDepth?: number): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<TreeView node={node} {...(openDepth === undefined ? {} : { openDepth })} />));
  return host;
}

const cert: TreeNode = {
  label: 'Certificate',
  value: 'CN=node1',
  children: [
    { label: 'Validity', children: [{ label: 'Not after', value: '2027-01-01T00:00:00Z', note: '403 days left' }] },
    { label: 'Is CA', value: false },
    { label: 'Empty', value: '' },
  ],
};

const rows: {
  name: string;
  input: TreeNode;
  openDepth?: number;
  want: { text: string[]; details: number; open: number };
}[] = [
  {
    name: 'a leaf is one line with label, value and note',
    input: { label: 'Serial', value: '01ab', note: 'positive' },
    want: { text: ['Serial: 01ab (positive)'], details: 0, open: 0 },
  },
  {
    name: 'branches fold; the first two levels start open',
    input: cert,
    want: { text: ['Not after: 2027-01-01T00:00:00Z (403 days left)', 'Is CA: false', 'Empty'], details: 2, open: 2 },
  },
  {
    name: 'openDepth 1 opens only the root',
    input: cert,
    openDepth: 1,
    want: { text: ['Is CA: false'], details: 2, open: 1 },
  },
];

describe('TreeView', () => {
  for (const row of rows) {
    it(row.name, () => {
      const host = render(row.input, row.openDepth);
      const leaves = Array.from(host.querySelectorAll('li'))
        .filter((li) => !li.querySelector('details'))
        .map((li) => li.textContent);
      for (const t of row.want.text) expect(leaves).toContain(t);
      expect(host.querySelectorAll('details').length).toBe(row.want.details);
      expect(host.querySelectorAll('details[open]').length).toBe(row.want.open);
    });
  }
});
