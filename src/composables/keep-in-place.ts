/** Frames to keep a target in place while the turns around it are laid out for the first time. */
const SETTLE_FRAMES = 30

/**
 * Keep `el` where `scroll()` put it while the page around it settles. Runs of turns use
 * `content-visibility: auto`: until a run has been on screen its height is a guess, so the first
 * scroll lands by the guesses, and runs that then come into view take their real height and move
 * the target. Re-scroll whenever the target moved since the last frame; stop once it has stayed put
 * for a few frames, after SETTLE_FRAMES, or as soon as the reader scrolls themselves.
 */
export function keepInPlace(el: Element, scroll: () => void, win: Window): void {
  let frames = 0
  let still = 0
  let top = el.getBoundingClientRect().top
  const stop = (): void => {
    frames = SETTLE_FRAMES
  }
  const userInput = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
  for (const type of userInput) win.addEventListener(type, stop, { once: true, passive: true, capture: true })
  const step = (): void => {
    if (++frames >= SETTLE_FRAMES || !el.isConnected) {
      for (const type of userInput) win.removeEventListener(type, stop, { capture: true })
      return
    }
    const now = el.getBoundingClientRect().top
    if (Math.abs(now - top) > 0.5) {
      scroll()
      top = el.getBoundingClientRect().top
      still = 0
    } else if (++still >= 3) frames = SETTLE_FRAMES
    win.requestAnimationFrame(step)
  }
  win.requestAnimationFrame(step)
}
