/**
 * Side effect: the location hash. Views are addressed as `#/cluster`, `#/issue`…, which works
 * from any static host and sub-path without server rewrites.
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

export function hrefFor(id: string): string {
  return `#/${id}`;
}
