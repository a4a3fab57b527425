import { prefersReducedMotion } from './motion'
import { keepInPlace } from './keep-in-place'

const HIGHLIGHT_CLASS = 'is-target'
const HIGHLIGHT_MS = 2400
/**
 * Bring a deep-link target into view the way a keyboard or screen-reader user needs it too:
 * scrolled below the sticky header (CSS `scroll-margin-top` on the target), briefly highlighted,
 * and focused (a temporary tabindex=-1 makes a section or article focusable).
 */
/** Focus an element where it is (a temporary tabindex=-1 makes a section or article focusable). */
export function focusInPlace(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1')
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true })
  }
  el.focus({ preventScroll: true })
}

export function useTargetFocus(doc: Document | undefined = globalThis.document): {
  focusTarget: (id: string) => boolean
} {
  function focusTarget(id: string): boolean {
    // getElementById, never querySelector('#…'): ids may hold CJK or start with a digit.
    const el = doc?.getElementById(id)
    if (!el) return false
    const win = doc?.defaultView
    // Smooth scrolling only over a short way: across a long interview it would lay out every turn
    // it passes, and it would aim at a place computed from guessed heights (see keepInPlace).
    const far = !win || Math.abs(el.getBoundingClientRect().top) > 2 * win.innerHeight
    const smooth = !far && !prefersReducedMotion(win)
    el.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'instant' })
    if (win && !smooth) keepInPlace(el, () => el.scrollIntoView({ block: 'start', behavior: 'instant' }), win)
    focusInPlace(el)
    el.classList.remove(HIGHLIGHT_CLASS)
    // Force a reflow so the highlight animation restarts when the same target is opened again.
    void el.offsetWidth
    el.classList.add(HIGHLIGHT_CLASS)
    setTimeout(() => el.classList.remove(HIGHLIGHT_CLASS), HIGHLIGHT_MS)
    return true
  }

  return { focusTarget }
}
