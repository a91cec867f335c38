/** The main navigation: one link per view, the current one marked for assistive technology. */
import { hrefFor } from '../../lib/hash-route.ts';

export interface NavEntry {
  id: string;
  label: string;
  /** Start loading the view's code: asked when a pointer comes over its link or the link gets focus. */
  preload?: () => void;
}

export function MainNav({ entries, current }: { entries: readonly NavEntry[]; current: string }) {
  return (
    <nav aria-label="Main">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a
              href={hrefFor(e.id)}
              aria-current={e.id === current ? 'page' : undefined}
              onPointerEnter={e.preload}
              onFocus={e.preload}
            >
              {e.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
