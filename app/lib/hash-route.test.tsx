// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, Suspense, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useHashRoute } from './hash-route.ts';
import { preloadedLazy, type PreloadedLazy } from './preloaded-lazy.tsx';
import { ViewLoadBoundary } from '../components/view-load-boundary.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => {
  window.location.hash = '#/first';
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

const First = () => <p>first view</p>;
const Second = () => <p>second view</p>;

/** Go to `hash` as a link does, and let the hashchange event be handled. */
async function goTo(hash: string) {
  await act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return Promise.resolve();
  });
}

type Views = Record<string, PreloadedLazy<object>>;

/**
 * Draw `views` as app.tsx draws its own: the navigation, then in <main> one Suspense boundary for
 * every view with the error boundary keyed by view inside it. Returns <main>.
 */
async function drawShell(views: Views): Promise<HTMLElement> {
  function Shell() {
    const { route, requested, pending } = useHashRoute();
    const View = views[route]!.Component;
    return (
      <>
        <nav data-requested={requested}>navigation</nav>
        <main data-pending={pending ? 'true' : undefined}>
          <Suspense fallback={<p>Loading…</p>}>
            <ViewLoadBoundary key={route} view={route}>
              <View />
            </ViewLoadBoundary>
          </Suspense>
        </main>
      </>
    );
  }
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(() => Promise.resolve(root!.render(<Shell />)));
  return container.querySelector('main')!;
}

describe('useHashRoute', () => {
  it('keeps the view on screen, marked pending, until the next view’s code has loaded: no fallback', async () => {
    let settleSecond!: (c: ComponentType<object>) => void;
    const views: Views = {
      first: preloadedLazy<object>(() => Promise.resolve(First)),
      second: preloadedLazy<object>(() => new Promise((resolve) => (settleSecond = resolve))),
    };
    await views.first!.load();
    const main = await drawShell(views);
    expect(main.textContent).toBe('first view');

    const nav = document.querySelector('nav')!;
    expect(nav.getAttribute('data-requested')).toBe('first');
    await goTo('#/second');
    expect(main.textContent).toBe('first view');
    expect(main.dataset.pending).toBe('true');
    // The navigation follows the hash at once: the link just followed is the current one.
    expect(nav.getAttribute('data-requested')).toBe('second');

    await act(() => Promise.resolve(settleSecond(Second)));
    expect(main.textContent).toBe('second view');
    expect(main.dataset.pending).toBeUndefined();
    expect(nav.getAttribute('data-requested')).toBe('second');

    // Back to a view already loaded: drawn with no wait.
    await goTo('#/first?x=1');
    expect(main.textContent).toBe('first view');
  });

  it('reads the view id from the hash, without its parameters', async () => {
    window.location.hash = '#/issue?ca=abc';
    function Probe() {
      return <p>{useHashRoute().route}</p>;
    }
    const container = document.createElement('div');
    root = createRoot(container);
    await act(() => Promise.resolve(root!.render(<Probe />)));
    expect(container.textContent).toBe('issue');
  });

  it('says in the view’s place that its code did not load, and the other views still open', async () => {
    const views: Views = {
      first: preloadedLazy<object>(() => Promise.resolve(First)),
      broken: preloadedLazy<object>(() => Promise.reject(new Error('Failed to fetch dynamically imported module'))),
    };
    const main = await drawShell(views);
    // React reports the error it caught on the console; the test reads the page instead.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await goTo('#/broken');
    quiet.mockRestore();
    const alert = main.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'could not load the broken view (Failed to fetch dynamically imported module)',
    );
    expect(alert?.querySelector('button')?.textContent).toBe('Reload the page');
    expect(document.querySelector('nav')?.textContent).toBe('navigation');
    await goTo('#/first');
    expect(main.textContent).toBe('first view');
  });

  it('says a view that stopped on an error of its own apart from one whose code did not load', async () => {
    const Crashing = (): never => {
      throw new Error('cannot read the table');
    };
    const views: Views = {
      first: preloadedLazy<object>(() => Promise.resolve(First)),
      crashing: preloadedLazy<object>(() => Promise.resolve(Crashing)),
    };
    const main = await drawShell(views);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await goTo('#/crashing');
    quiet.mockRestore();
    const alert = main.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'The crashing view stopped on an error certbench did not foresee (cannot read the table)',
    );
    expect(alert?.textContent).not.toContain('could not load');
  });
});
