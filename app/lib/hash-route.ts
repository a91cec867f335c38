/**
 * Side effect: the location hash. Views are addressed as `#/cluster`, `#/issue`…, which works
 * from any static host and sub-path without server rewrites. A link may add parameters for the
 * view it opens (`#/issue?ca=ID`: Issue with that CA chosen).
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
}

/** The view id in the hash ('' when there is none). */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, current, () => '');
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
