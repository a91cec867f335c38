/**
 * What the screenshot pass checks on a view before it takes a picture: which buttons look primary
 * (a solid accent fill, as people see it, not a class name), where they are, whether the page is
 * wider than the screen; and the full-page capture itself, after scrolling through the page so
 * rows drawn with `content-visibility: auto` are laid out rather than captured as empty boxes.
 */
import type { Page, TestInfo } from '@playwright/test';

export interface ShownButton {
  name: string;
  /** Top and bottom of the button in CSS pixels from the top of the viewport, page scrolled to the top. */
  top: number;
  bottom: number;
  disabled: boolean;
}

export interface ButtonLooks {
  /** Enabled buttons filled with the accent colour: what reads as "the" action of the view. */
  primary: ShownButton[];
  /** Disabled buttons that still carry the accent fill (issue 12: a disabled button must look disabled). */
  disabledButAccent: ShownButton[];
  /**
   * Disabled primaries waiting for input (Issue before any CA exists): greyed, so their colour
   * cannot say they are primary; the stylesheet's contract does (a submit not marked .secondary, or .primary).
   */
  waiting: ShownButton[];
  viewportHeight: number;
}

/** Scroll to the top and measure every visible button of the page (banners, the introduction, the view). */
export async function buttonLooks(page: Page): Promise<ButtonLooks> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.backgroundColor = 'var(--accent)';
    document.body.append(probe);
    const accent = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const shown = [...document.querySelectorAll('button')].filter((b) => b.checkVisibility() && !b.closest('dialog'));
    const describe = (b: HTMLButtonElement) => {
      const r = b.getBoundingClientRect();
      return {
        name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
        top: r.top,
        bottom: r.bottom,
        disabled: b.disabled,
      };
    };
    const accentFilled = shown.filter((b) => getComputedStyle(b).backgroundColor === accent);
    return {
      primary: accentFilled.filter((b) => !b.disabled).map(describe),
      disabledButAccent: accentFilled.filter((b) => b.disabled).map(describe),
      waiting: shown
        .filter((b) => b.disabled && (b.matches('[type="submit"]:not(.secondary)') || b.matches('.primary')))
        .map(describe),
      viewportHeight: window.innerHeight,
    };
  });
}

/** How far the page is wider than its viewport, in CSS pixels (0 when it fits), and what sticks out. */
export async function horizontalOverflow(page: Page): Promise<{ by: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const by = document.documentElement.scrollWidth - width;
    // What sticks out of the page itself; content inside a scrolling box (a code block) does not count.
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const widest = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && e.checkVisibility() && !clipped(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`);
    return { by, widest };
  });
}

/**
 * Scroll down a screen at a time (two frames each, so content-visibility rows near the screen
 * are laid out), back to the top, then save a full-page PNG into the test's output folder.
 */
export async function captureFullPage(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  await page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frames();
    }
    window.scrollTo(0, 0);
    await frames();
  });
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
