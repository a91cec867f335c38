/** A list of findings, most severe first, each with its severity spelled out (not only coloured). */
import type { Finding } from '../../pki/index.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export interface FindingsListProps {
  findings: readonly Finding[];
  empty?: string;
  /** The sentence to show for a finding; default its message (the diagnosis words advice for the page). */
  say?: (f: Finding) => string;
}

export function FindingsList({ findings, empty, say = (f) => f.message }: FindingsListProps) {
  if (findings.length === 0) return empty ? <p className="inspect__ok">{empty}</p> : null;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((f, i) => (
        <li key={`${f.code}:${i}`} className={`finding finding--${f.severity}`}>
          <strong>{WORD[f.severity]}:</strong> {say(f)} <code className="finding__code">{f.code}</code>
        </li>
      ))}
    </ul>
  );
}
