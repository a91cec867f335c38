/**
 * A component whose code loads on demand and which, once loaded, draws at once.
 *
 * Why not React.lazy alone: a lazy component suspends on its first render even when its import
 * settled long before (its factory's promise is new, so still pending then), and React 19 then
 * holds the boundary's content until 300 ms after its fallback was shown (react-dom's
 * FALLBACK_THROTTLE_MS). The Cluster result, whose code is fetched while the form is filled in,
 * appeared about 270 ms after the worker's answer because of that wait. Here the component
 * renders the loaded module's component directly, and falls back to React.lazy (Suspense) only
 * while the code is still on its way.
 */
import { lazy, type ComponentType, type ReactElement } from 'react';

/** The component's code did not load (offline, a redeploy); `cause` is the import's own error. */
export class CodeLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CodeLoadError';
  }
}

export interface PreloadedLazy<P extends object> {
  /** Fetch and evaluate the code now (idempotent); resolves with the component, rejects with a CodeLoadError. */
  load: () => Promise<ComponentType<P>>;
  /**
   * load, for a caller that only wants the code early (a hover, a form's first focus): a failure
   * is left to the render, which meets it again where the component would be.
   */
  preload: () => void;
  /** Draws the component: at once when loaded, through Suspense until then. */
  Component: (props: P) => ReactElement;
}

export function preloadedLazy<P extends object>(importComponent: () => Promise<ComponentType<P>>): PreloadedLazy<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () =>
    (loading ??= importComponent().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (offline, a redeploy) may succeed when asked again.
        loading = undefined;
        throw new CodeLoadError(error);
      },
    ));
  // `loaded` is set before this promise settles, so a render that would see the lazy component
  // resolved sees `loaded` first: the element type never changes once the content is drawn.
  const Lazy = lazy(async () => ({ default: await load() }));
  function Component(props: P): ReactElement {
    const Drawn = (loaded ?? Lazy) as ComponentType<P>;
    return <Drawn {...props} />;
  }
  return { load, preload: () => void load().catch(() => undefined), Component };
}
