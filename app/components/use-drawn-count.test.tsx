// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BATCH_ROWS, FIRST_ROWS, useDrawnCount } from './use-drawn-count.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Animation frames the test runs by hand. */
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
const realRaf = globalThis.requestAnimationFrame;
const realCancel = globalThis.cancelAnimationFrame;
beforeEach(() => {
  globalThis.requestAnimationFrame = (run) => {
    frames.set(nextFrame, run);
    return nextFrame++;
  };
  globalThis.cancelAnimationFrame = (handle) => void frames.delete(handle);
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  frames.clear();
  globalThis.requestAnimationFrame = realRaf;
  globalThis.cancelAnimationFrame = realCancel;
});

/** Run the frames queued now (not those they queue); how many ran. */
function tick(): number {
  const runs = [...frames.values()];
  frames.clear();
  act(() => runs.forEach((run) => run(0)));
  return runs.length;
}

function Rows({ rows, restart, sizes }: { rows: string[]; restart: unknown; sizes?: { first: number; each: number } }) {
  const drawn = useDrawnCount(rows.length, restart, sizes);
  return (
    <ul>
      {rows.slice(0, drawn).map((r) => (
        <li key={r}>
          <button type="button">{r}</button>
        </li>
      ))}
    </ul>
  );
}

const names = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `row-${i + 1}${tag}`);

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const render = (rows: string[], restart: unknown, sizes?: { first: number; each: number }) =>
    act(() => root?.render(<Rows rows={rows} restart={restart} sizes={sizes} />));
  const drawn = () => [...host.querySelectorAll('li')].map((li) => li.textContent);
  return { host, render, drawn };
}

describe('useDrawnCount', () => {
  const rows: { name: string; total: number; sizes?: { first: number; each: number }; wantPerFrame: number[] }[] = [
    { name: 'a page of 50: 10 first, then 10 a frame', total: 50, wantPerFrame: [10, 20, 30, 40, 50] },
    { name: 'fewer rows than the first batch: all at once', total: 7, wantPerFrame: [7] },
    { name: 'a last batch that is not full', total: 23, wantPerFrame: [10, 20, 23] },
    { name: 'no rows', total: 0, wantPerFrame: [0] },
    {
      name: "the Inspect table's sizes: 144 certificates, 24 a frame",
      total: 144,
      sizes: { first: 24, each: 24 },
      wantPerFrame: [24, 48, 72, 96, 120, 144],
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const view = mount();
      const list = names(row.total);
      const restart = {};
      view.render(list, restart, row.sizes);
      const seen = [view.drawn().length];
      while (tick() > 0) seen.push(view.drawn().length);
      expect(seen).toEqual(row.wantPerFrame);
      expect(view.drawn()).toEqual(list); // nothing lost, in order
      expect(FIRST_ROWS).toBe(10);
      expect(BATCH_ROWS).toBe(10);
    });

  it('a change of the rows (a renew) keeps what is drawn and the focus; a new question starts over', () => {
    const view = mount();
    const restart = { text: '' };
    view.render(names(50), restart);
    tick();
    tick(); // 30 drawn
    const button = view.host.querySelectorAll('button')[24];
    button?.focus();
    expect(document.activeElement?.textContent).toBe('row-25');

    // The workspace changed: a new rows list, same question. Nothing is drawn again from the top.
    view.render([...names(50)], restart);
    expect(view.drawn()).toHaveLength(30);
    expect(document.activeElement).toBe(button);
    while (tick() > 0);
    expect(view.drawn()).toEqual(names(50));
    expect(document.activeElement).toBe(button);

    // Another question: the first batch again, then a batch a frame.
    view.render(names(50, 'b'), { text: 'b' });
    expect(view.drawn()).toEqual(names(10, 'b'));
    tick();
    expect(view.drawn()).toEqual(names(20, 'b'));
  });
});
