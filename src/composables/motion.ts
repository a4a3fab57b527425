/**
 * Whether the reader asked for less motion, read when a scroll is about to happen: a reactive
 * media-query watcher would cost every page a listener and a watcher at hydration for a value
 * only a deep-link jump or a quote link reads.
 */
export function prefersReducedMotion(win: Window | null | undefined): boolean {
  return win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}
