/**
 * Every text an element shows from now on, recorded in the page by a MutationObserver. For
 * states that pass quickly ("Reading…", "Copied" for two seconds): polling the DOM can miss
 * them on a slow machine, the observer cannot.
 *
 *   const history = await watchText(status);
 *   await button.click();
 *   await expect.poll(() => history.seen()).toContain('Copied');
 *   await history.stop();
 */
import type { JSHandle, Locator } from '@playwright/test';

export interface TextHistory {
  /** The element's text when watching began, then after every change, in order. */
  seen(): Promise<string[]>;
  stop(): Promise<void>;
}

interface Recorder {
  texts: string[];
  observer: MutationObserver;
}

export async function watchText(target: Locator): Promise<TextHistory> {
  const handle: JSHandle<Recorder> = await target.evaluateHandle((el) => {
    const texts = [el.textContent ?? ''];
    const observer = new MutationObserver(() => texts.push(el.textContent ?? ''));
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    return { texts, observer };
  });
  return {
    seen: () => handle.evaluate((r) => [...r.texts]),
    stop: async () => {
      await handle.evaluate((r) => r.observer.disconnect());
      await handle.dispose();
    },
  };
}
