// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FileDrop } from './file-drop.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

/** A drag event whose dataTransfer reports `types` and `files` the way browsers do. */
function dragEvent(type: string, types: string[], files: File[] = []): Event {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
  return e;
}

const pem = new File(['-----BEGIN CERTIFICATE-----'], 'a.pem');

const rows: {
  name: string;
  input: { type: string; types: string[]; files?: File[] }[];
  want: { overlay: boolean; received: string[]; prevented: boolean };
}[] = [
  {
    name: 'dragging files over the page shows the overlay',
    input: [{ type: 'dragenter', types: ['Files'] }],
    want: { overlay: true, received: [], prevented: true },
  },
  {
    name: 'dropping files hands them over and hides the overlay',
    input: [
      { type: 'dragenter', types: ['Files'] },
      { type: 'drop', types: ['Files'], files: [pem] },
    ],
    want: { overlay: false, received: ['a.pem'], prevented: true },
  },
  {
    name: 'leaving the page hides the overlay',
    input: [
      { type: 'dragenter', types: ['Files'] },
      { type: 'dragleave', types: ['Files'] },
    ],
    want: { overlay: false, received: [], prevented: false },
  },
  {
    name: 'dragged text is left alone',
    input: [
      { type: 'dragenter', types: ['text/plain'] },
      { type: 'drop', types: ['text/plain'] },
    ],
    want: { overlay: false, received: [], prevented: false },
  },
];

describe('FileDrop', () => {
  for (const row of rows) {
    it(row.name, () => {
      const host = document.createElement('div');
      document.body.append(host);
      const received: string[] = [];
      root = createRoot(host);
      act(() =>
        root?.render(
          <FileDrop message="Drop files to inspect them" onFiles={(fs) => received.push(...fs.map((f) => f.name))} />,
        ),
      );
      let prevented = false;
      for (const step of row.input) {
        const e = dragEvent(step.type, step.types, step.files);
        act(() => {
          window.dispatchEvent(e);
        });
        prevented = e.defaultPrevented;
      }
      expect(host.textContent?.includes('Drop files to inspect them')).toBe(row.want.overlay);
      expect(received).toEqual(row.want.received);
      expect(prevented).toBe(row.want.prevented);
    });
  }
});
