/** The check for a result an action just made: its heading holds focus and is on screen. */
import { expect, type Locator } from '@playwright/test';

export async function expectRevealed(heading: Locator): Promise<void> {
  await expect(heading).toBeFocused({ timeout: 30_000 });
  // ratio 1: the whole heading, not a sliver at the bottom edge.
  await expect(heading).toBeInViewport({ ratio: 1 });
}
