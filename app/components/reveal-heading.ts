/** Side effect: moves focus to an element and scrolls it into view, instantly when the user asks for reduced motion. */

/** How to scroll: a smooth glide, unless the user's system asks for reduced motion (WCAG 2.3.3). */
export function scrollBehavior(prefersReducedMotion: boolean): ScrollBehavior {
  return prefersReducedMotion ? 'auto' : 'smooth';
}

export function revealHeading(element: HTMLElement): void {
  // preventScroll: the focus jump would scroll abruptly to the nearest edge; scrollIntoView below places it at the top.
  element.focus({ preventScroll: true });
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: scrollBehavior(reduced), block: 'start' });
}
