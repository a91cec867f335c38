/** The main navigation: one link per view, the current one marked for assistive technology. */
import { hrefFor } from '../../lib/hash-route.ts';

export interface NavEntry {
  id: string;
  label: string;
}

export function MainNav({ entries, current }: { entries: readonly NavEntry[]; current: string }) {
  return (
    <nav aria-label="Main">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={hrefFor(e.id)} aria-current={e.id === current ? 'page' : undefined}>
              {e.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
