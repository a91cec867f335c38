/**
 * What the user has given so far, under the file input: each file's name and size, and whether it
 * is still being read. The native input is emptied after each choice (so the same file can be
 * chosen again) and would say "No file chosen"; this list is what was added.
 */
import { formatBytes } from '../../pki/light/index.ts';
import type { InspectInput } from '../../flows/inspect-report.ts';
import { plural } from '../../text/plural.ts';

function sizeOf(input: InspectInput): number {
  return typeof input.data === 'string' ? new TextEncoder().encode(input.data).length : input.data.byteLength;
}

export function AddedFiles({ id, files, reading }: { id: string; files: readonly InspectInput[]; reading: boolean }) {
  if (files.length === 0) return null;
  return (
    <div id={id} className="added-files">
      <p className="field__help">
        {plural(files.length, 'file')} added{reading ? ', reading…' : ':'}
      </p>
      <ul aria-label="Added files">
        {files.map((f, i) => (
          <li key={`${i}:${f.name}`}>
            {f.name} <span className="added-files__size">({formatBytes(sizeOf(f))})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
