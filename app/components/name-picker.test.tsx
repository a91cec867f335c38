// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NamePicker, SELECT_MAX, SUGGESTIONS, suggestedNames } from './name-picker.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);

describe('suggestedNames', () => {
  const rows: { name: string; names: string[]; typed: string; want: string[] }[] = [
    { name: 'nothing typed: the first names', names: nodes(30), typed: '', want: nodes(SUGGESTIONS) },
    {
      name: 'names starting with the text first, then those holding it',
      names: ['db-7', 'node-7', 'node-17', 'node-70', 'x'],
      typed: 'node-7',
      want: ['node-7', 'node-70'],
    },
    {
      name: 'case-insensitive, holding',
      names: ['Alpha-1', 'beta-ALPHA'],
      typed: 'alpha',
      want: ['Alpha-1', 'beta-ALPHA'],
    },
    {
      name: 'starting names come before holding ones even when later in the list',
      names: ['a-node', 'node-1'],
      typed: 'node',
      want: ['node-1', 'a-node'],
    },
    { name: 'no match', names: nodes(5), typed: 'zz', want: [] },
  ];
  for (const row of rows) it(row.name, () => expect(suggestedNames(row.names, row.typed)).toEqual(row.want));
  it('at most SUGGESTIONS, in list order among those starting with the text', () => {
    const got = suggestedNames(nodes(1000), 'node-1');
    expect(got).toHaveLength(SUGGESTIONS);
    expect(got.slice(0, 3)).toEqual(['node-1', 'node-10', 'node-11']);
  });
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(names: string[]) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const picked: string[] = [];
  const show = (list: string[], value = list[0] ?? '') =>
    act(() =>
      root?.render(
        <NamePicker
          label="Node for the snippets"
          noun="node"
          names={list}
          value={value}
          onChange={(n) => picked.push(n)}
        />,
      ),
    );
  show(names);
  return { host, picked, show };
}

function searchBox(host: HTMLElement): HTMLInputElement {
  const input = host.querySelector('input');
  if (!input) throw new Error('no search box');
  return input;
}

/**
 * Type into a controlled input the way React hears it: through the prototype's value setter
 * (React tracks the element's own one), then an input event.
 */
function type(input: HTMLInputElement, text: string) {
  act(() => {
    Reflect.set(HTMLInputElement.prototype, 'value', text, input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('NamePicker', () => {
  it('draws nothing for one name', () => {
    expect(mount(['only']).host.innerHTML).toBe('');
  });

  it(`is a select of every name up to ${SELECT_MAX}`, () => {
    const { host } = mount(nodes(SELECT_MAX));
    expect(host.querySelectorAll('select option')).toHaveLength(SELECT_MAX);
    expect(host.querySelector('input')).toBeNull();
  });

  it(`is a search box with at most ${SUGGESTIONS} suggestions above ${SELECT_MAX}`, () => {
    const { host, picked } = mount(nodes(1000));
    expect(host.querySelector('select')).toBeNull();
    const input = host.querySelector('input');
    if (!input) throw new Error('no search box');
    expect(input.labels?.[0]?.textContent).toBe('Node for the snippets');
    expect(host.querySelectorAll('datalist option')).toHaveLength(SUGGESTIONS);

    type(input, 'node-77');
    const suggested = [...host.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(suggested).toEqual(['node-77', ...Array.from({ length: 10 }, (_, i) => `node-77${i}`)]);
    expect(picked).toEqual(['node-77']); // a name typed in full is picked

    type(input, 'node-1001');
    expect(host.querySelector('.error')?.textContent).toBe('No node is named "node-1001" in this bundle.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(picked).toEqual(['node-77']);
  });

  it('part of a name is a search, not an error, and the hint names the node shown', () => {
    const { host } = mount(nodes(150));
    const input = searchBox(host);
    for (const part of ['n', 'node-', 'ode-14']) {
      type(input, part);
      expect(host.querySelector('.error'), part).toBeNull();
      expect(input.getAttribute('aria-invalid'), part).not.toBe('true');
    }
    expect(host.textContent).toContain(
      '150 nodes: type a name, or part of one, and pick it. The snippets are for node-1.',
    );
  });

  it('follows another list and value under the same mounted box (review L1)', () => {
    const { host, show } = mount(nodes(150));
    type(searchBox(host), 'node-5');
    const other = Array.from({ length: 150 }, (_, i) => `b-${i + 1}`);
    show(other);
    expect(searchBox(host).value).toBe('b-1');
    expect(host.querySelector('.error')).toBeNull();
    expect(host.textContent).toContain('The snippets are for b-1.');
    show(other, 'b-9');
    expect(searchBox(host).value).toBe('b-9');
  });
});
