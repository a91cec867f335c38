/**
 * Side effect: the location hash. Views are addressed as `#/cluster`, `#/issue`…, which works
 * from any static host and sub-path without server rewrites. A link may add parameters for the
 * view it opens (`#/issue?ca=ID`: Issue with that CA chosen).
 */
import { useEffect, useState, useSyncExternalStore, useTransition } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
}

/**
 * The view on screen (`route`), the view the hash asks for (`requested`: '' when there is none),
 * and whether the change from one to the other is still pending. A change of view is a
 * transition: the view on screen stays until the next one's code has loaded, rather than a
 * "Loading…" fallback, which React 19 then keeps for at least 300 ms (react-dom's
 * FALLBACK_THROTTLE_MS: a first visit to a view took 330-360 ms from click to view, where its code
 * took a few tens of milliseconds). `requested` follows the hash at once, so the navigation marks
 * the link just followed while its view loads.
 */
export function useHashRoute(): { route: string; requested: string; pending: boolean } {
  const [route, setRoute] = useState(current);
  const [requested, setRequested] = useState(current);
  const [pending, startRouteTransition] = useTransition();
  useEffect(() => {
    const follow = () => {
      const next = current();
      setRequested(next);
      startRouteTransition(() => setRoute(next));
    };
    // The hash may have changed between the first render and this effect.
    follow();
    return subscribe(follow);
  }, [startRouteTransition]);
  return { route, requested, pending };
}

/** A parameter of the hash (`#/issue?ca=ID` → `ca` is `ID`), undefined when absent. */
export function useHashParam(name: string): string | undefined {
  return useSyncExternalStore(
    subscribe,
    () => hashParams().get(name) ?? undefined,
    () => undefined,
  );
}

function hashParams(): URLSearchParams {
  const query = window.location.hash.split('?')[1];
  return new URLSearchParams(query ?? '');
}

export function hrefFor(id: string, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${id}${query ? `?${query}` : ''}`;
}
