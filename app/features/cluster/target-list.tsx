/** Every target system explained in one line, folded under the Target select: what casty, haystack and crank are. */
import { TARGETS } from '../../targets/index.ts';
import './target-list.css';

export function TargetList() {
  return (
    <details className="target-list">
      <summary>What each target system is</summary>
      <dl>
        {TARGETS.map((t) => (
          <div key={t.id}>
            <dt>{t.label}</dt>
            <dd>{t.description}.</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
