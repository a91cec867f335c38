/**
 * A code block (a snippet with its Copy button), wherever it is shown. Copying is judged by
 * what the clipboard holds once the button has said "Copied", never by reading it right after
 * the click: the write is asynchronous, and the browser's clipboard is shared by every test, so
 * an early read returns whatever an earlier test copied.
 */
import { expect, type Locator } from '@playwright/test';
import { watchText } from './text-history.ts';

export interface Copied {
  /** The code as the page shows it. */
  shown: string;
  /** What the clipboard held after the copy. */
  clipboard: string;
}

/** Press the block's Copy button and read the clipboard once the copy is done. */
export async function copyCodeBlock(figure: Locator): Promise<Copied> {
  // The block may be on screen before its text is (a snippet is rendered once its module loads):
  // innerText does not wait, so wait for the text first.
  await expect(figure.locator('pre'), 'the code block shows its text').not.toHaveText('');
  const shown = await figure.locator('pre').innerText();
  const status = figure.getByRole('status');
  await expect(status, 'the Copy button is idle before the copy').toHaveText('');
  // "Copied" stays for two seconds only: record it rather than poll for it.
  const history = await watchText(status);
  try {
    await figure.getByRole('button', { name: /^Copy/ }).click();
    await expect
      .poll(async () => (await history.seen()).find((t) => t !== ''), {
        message: 'the Copy button reports how the copy went',
      })
      .toBe('Copied');
  } finally {
    await history.stop();
  }
  const clipboard = await figure.page().evaluate(() => navigator.clipboard.readText());
  return { shown, clipboard };
}
