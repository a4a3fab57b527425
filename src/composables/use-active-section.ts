import { onMounted, onScopeDispose, ref, watch, type Ref } from 'vue'
import { activeSectionIndex } from './active-section'
import { afterPaintOnce } from './yield-to-main'

/**
 * The bottom edge of whatever is sticky at the top (the app header, the reader tools on wide
 * screens, and on narrow screens the folded menu bar), plus some slack: a section counts as current once its heading passes it.
 */
export function stickyBottom(doc: Document): number {
  return stickyBarsBottom(doc) + 24
}

/** The bottom edge of the bars stuck to the top of the viewport (0 when none is). */
export function stickyBarsBottom(doc: Document): number {
  let bottom = 0
  // By class, not querySelectorAll: the browser keeps these collections, where a selector walks
  // every element of the page (50,000 on a 5,000-turn interview) each frame the page scrolls.
  for (const name of STICKY_BARS) {
    for (const el of doc.getElementsByClassName(name)) {
      const rect = el.getBoundingClientRect()
      if (rect.height > 0 && rect.top < 200) bottom = Math.max(bottom, rect.bottom)
    }
  }
  return bottom
}

const STICKY_BARS = ['app-header', 'sidebar__toggle', 'reader-tools']

/** The page's turns (`article.turn`) in document order, from the browser's kept collection (see stickyBarsBottom). */
export function turnElements(doc: Document): HTMLElement[] {
  return [...(doc.getElementsByClassName('turn') as HTMLCollectionOf<HTMLElement>)]
}

/**
 * The first item still showing below `line` (the sticky bars' bottom edge): the one at the top of
 * what the reader sees. Unlike currentIndex, an item whose top has gone under the bars but whose end
 * is above them (the previous section's last answer, after a jump to a heading) is not it.
 */
export function topVisibleIndex(items: readonly Element[], line: number): number {
  let lo = 0
  let hi = items.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.getBoundingClientRect().bottom > line) {
      found = mid
      hi = mid - 1
    } else lo = mid + 1
  }
  return found
}

/** Tracks the section under the sticky header while the page scrolls. */
export function useActiveSection(ids: Ref<string[]>, win: Window | undefined = globalThis.window): Ref<string | null> {
  const active = ref<string | null>(null)

  function update(): void {
    if (!win) return
    const doc = win.document
    const tops = ids.value.map((id) => doc.getElementById(id)?.getBoundingClientRect().top ?? Infinity)
    const scroller = doc.scrollingElement ?? doc.documentElement
    // Only "at the bottom" when the page actually scrolled: a page shorter than the screen would
    // otherwise highlight its last section on load.
    const atBottom = win.scrollY > 0 && win.innerHeight + win.scrollY >= scroller.scrollHeight - 2
    const index = activeSectionIndex(tops, stickyBottom(doc), atBottom, win.innerHeight)
    active.value = ids.value[index] ?? null
  }
  const schedule = win ? afterPaintOnce(update, win) : (): void => undefined

  // Plain listeners, not @vueuse's useEventListener: this runs in the entry chunk, kept small.
  for (const type of ['scroll', 'resize'] as const) win?.addEventListener(type, schedule, { passive: true })
  onScopeDispose(() => {
    for (const type of ['scroll', 'resize'] as const) win?.removeEventListener(type, schedule)
  })
  onMounted(schedule)
  watch(ids, schedule, { flush: 'post' })
  return active
}
