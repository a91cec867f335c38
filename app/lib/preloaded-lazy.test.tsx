// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, Suspense } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CodeLoadError, preloadedLazy } from './preloaded-lazy.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

function Greeting({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

/** An import the test settles by hand. */
function manualImport() {
  let settle!: { resolve: (c: typeof Greeting) => void; reject: (e: Error) => void };
  let calls = 0;
  const importer = () => {
    calls++;
    return new Promise<typeof Greeting>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { importer, settle: () => settle, calls: () => calls };
}

function mount(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  return container;
}

describe('preloadedLazy', () => {
  it('draws a loaded component in the render that asks for it, with no fallback in between', async () => {
    const { importer, settle } = manualImport();
    const view = preloadedLazy(importer);
    const loading = view.load();
    settle().resolve(Greeting);
    await loading;
    const container = mount();
    // One synchronous render: a React.lazy component suspends here even though its code is loaded.
    act(() =>
      root!.render(
        <Suspense fallback={<p>loading</p>}>
          <view.Component name="ada" />
        </Suspense>,
      ),
    );
    expect(container.textContent).toBe('hello ada');
  });

  it('suspends while the code is on its way, then draws it', async () => {
    const { importer, settle, calls } = manualImport();
    const view = preloadedLazy(importer);
    const container = mount();
    act(() =>
      root!.render(
        <Suspense fallback={<p>loading</p>}>
          <view.Component name="grace" />
        </Suspense>,
      ),
    );
    expect(container.textContent).toBe('loading');
    await act(() => Promise.resolve(settle().resolve(Greeting)));
    expect(container.textContent).toBe('hello grace');
    // The render and the later load share one import.
    await view.load();
    expect(calls()).toBe(1);
  });

  it('asks again after a failed load (offline, or a redeploy), and keeps a good one', async () => {
    const { importer, settle, calls } = manualImport();
    const view = preloadedLazy(importer);
    const first = view.load();
    settle().reject(new Error('fetch failed'));
    const error = await first.catch((e: unknown) => e);
    // Told apart from an error of the component itself (view-load-boundary.tsx words them differently).
    expect(error).toBeInstanceOf(CodeLoadError);
    expect((error as CodeLoadError).message).toBe('fetch failed');
    expect((error as CodeLoadError).cause).toEqual(new Error('fetch failed'));
    const second = view.load();
    settle().resolve(Greeting);
    await expect(second).resolves.toBe(Greeting);
    await view.load();
    expect(calls()).toBe(2);
  });

  it('preload starts the load and leaves a failure to the render (no unhandled rejection)', async () => {
    const { importer, settle, calls } = manualImport();
    const view = preloadedLazy(importer);
    view.preload();
    settle().reject(new Error('offline'));
    // An unhandled rejection would fail this file.
    await new Promise((r) => setTimeout(r, 10));
    expect(calls()).toBe(1);
  });
});
