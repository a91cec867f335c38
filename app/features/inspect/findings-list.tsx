/** A list of findings, most severe first, each with its severity spelled out (not only coloured). */
import type { Finding } from '../../pki/index.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FindingsList({ findings, empty }: { findings: readonly Finding[]; empty?: string }) {
  if (findings.length === 0) return empty ? <p className="inspect__ok">{empty}</p> : null;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((f, i) => (
        <li key={`${f.code}:${i}`} className={`finding finding--${f.severity}`}>
          <strong>{WORD[f.severity]}:</strong> {f.message} <code className="finding__code">{f.code}</code>
        </li>
      ))}
    </ul>
  );
}
