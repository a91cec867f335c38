/** The session slice: what this tab knows about itself. Not persisted. */
import type { StateCreator } from 'zustand';
import type { StorageProblem } from './storage-problem.ts';

export interface SessionSlice {
  /** True once the workspace has been read from storage; the UI accepts input only after. */
  hydrated: boolean;
  /** Why the workspace could not be read or saved, in words (shown as a banner). */
  storageProblem: StorageProblem | undefined;
  setStorageProblem(problem: StorageProblem | undefined): void;
}

export const sessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  hydrated: false,
  storageProblem: undefined,
  setStorageProblem: (storageProblem) => set({ storageProblem }),
});
