// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CopyButton } from './copy-button.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function renderAndClick(props: Parameters<typeof CopyButton>[0]) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<CopyButton {...props} />));
  const button = host.querySelector('button');
  if (!button) throw new Error('no button rendered');
  await act(async () => {
    button.click();
    await Promise.resolve();
  });
  return {
    button,
    name: button.getAttribute('aria-label') ?? button.textContent,
    status: host.querySelector('[role="status"]')?.textContent ?? '',
  };
}

const rows: {
  name: string;
  text: string | (() => string);
  fails: boolean;
  label?: string;
  wantName: string;
  wantStatus: RegExp;
}[] = [
  { name: 'copies a string and says so', text: 'abc', fails: false, wantName: 'Copy', wantStatus: /^Copied$/ },
  {
    name: 'copies what a function returns at click time',
    text: () => 'late',
    fails: false,
    label: 'Copy scylla.yaml',
    wantName: 'Copy scylla.yaml',
    wantStatus: /^Copied$/,
  },
  {
    name: 'a refused clipboard says how to copy by hand',
    text: 'abc',
    fails: true,
    wantName: 'Copy',
    wantStatus: /Copy failed.*Ctrl\+C/,
  },
];

describe('CopyButton', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const written: string[] = [];
      const writeText = (t: string) =>
        row.fails ? Promise.reject(new Error('denied')) : (written.push(t), Promise.resolve());
      const { button, name, status } = await renderAndClick({
        text: row.text,
        writeText,
        ...(row.label ? { label: row.label } : {}),
      });
      expect(name).toBe(row.wantName);
      // A long name stays off the screen: the button itself shows one short word.
      expect(button.textContent).toBe('Copy');
      expect(status).toMatch(row.wantStatus);
      const expected = typeof row.text === 'function' ? row.text() : row.text;
      expect(written).toEqual(row.fails ? [] : [expected]);
    });
  }
});
