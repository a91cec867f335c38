/** Tells the user when the workspace cannot be kept (IndexedDB blocked, private mode, quota). */
import { useApp } from '../../store/index.ts';

export function StorageBanner() {
  const problem = useApp((s) => s.storageProblem);
  if (!problem) return null;
  return (
    <div className="banner warning" role="alert">
      {problem}
    </div>
  );
}
