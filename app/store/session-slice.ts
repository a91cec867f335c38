/** The session slice: what this tab knows about itself. Not persisted. */
import type { StateCreator } from 'zustand';

export interface SessionSlice {
  /** True once the workspace has been read from storage; the UI accepts input only after. */
  hydrated: boolean;
  /** Why the workspace could not be read or saved, in words (shown as a banner). */
  storageProblem: string | undefined;
  setStorageProblem(problem: string | undefined): void;
}

export const sessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  hydrated: false,
  storageProblem: undefined,
  setStorageProblem: (storageProblem) => set({ storageProblem }),
});
