/**
 * Which outline entry is active, given each section's top edge relative to the viewport.
 * Pure, so it is tested without a DOM (the VitePress way).
 *
 * - The active section is the last one whose top has scrolled above `offset` (the sticky header
 *   plus a little slack).
 * - A short last section may never reach `offset`: once the page is scrolled to the bottom, the
 *   last section whose top is on screen wins, so clicking it in the outline highlights it.
 * - Returns -1 before the first section (nothing is highlighted).
 */
export function activeSectionIndex(tops: readonly number[], offset: number, atBottom: boolean, viewportHeight = Infinity): number {
  if (atBottom) {
    for (let i = tops.length - 1; i >= 0; i--) {
      if ((tops[i] ?? Infinity) < viewportHeight) return i
    }
  }
  let active = -1
  tops.forEach((top, i) => {
    if (top <= offset) active = i
  })
  return active
}
