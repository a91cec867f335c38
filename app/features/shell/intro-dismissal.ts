/**
 * Side effect: localStorage. Whether the user hid the first-visit introduction, kept per browser
 * profile like the workspace. Synchronous on purpose, so a returning user never sees it flash in.
 * Storage may be blocked (private windows, policies): then the introduction shows, and hiding it
 * lasts for this page only.
 */
const KEY = 'certbench.intro.dismissed';

export function introDismissed(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberIntroDismissed(): void {
  try {
    window.localStorage.setItem(KEY, '1');
  } catch {
    // Blocked storage: the caller hides the introduction for this page anyway.
  }
}
