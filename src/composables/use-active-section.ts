import { onMounted, ref, watch, type Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { activeSectionIndex } from './active-section'

/** Tracks the section under the sticky header while the page scrolls. */
export function useActiveSection(ids: Ref<string[]>, offset = 96, win: Window | undefined = globalThis.window): Ref<string | null> {
  const active = ref<string | null>(null)
  let frame = 0

  function update(): void {
    frame = 0
    if (!win) return
    const doc = win.document
    const tops = ids.value.map((id) => doc.getElementById(id)?.getBoundingClientRect().top ?? Infinity)
    const scroller = doc.scrollingElement ?? doc.documentElement
    // Only "at the bottom" when the page actually scrolled: a page shorter than the screen would
    // otherwise highlight its last section on load.
    const atBottom = win.scrollY > 0 && win.innerHeight + win.scrollY >= scroller.scrollHeight - 2
    const index = activeSectionIndex(tops, offset, atBottom, win.innerHeight)
    active.value = ids.value[index] ?? null
  }
  function schedule(): void {
    if (win && !frame) frame = win.requestAnimationFrame(update)
  }

  useEventListener(win, 'scroll', schedule, { passive: true })
  useEventListener(win, 'resize', schedule, { passive: true })
  onMounted(schedule)
  watch(ids, schedule, { flush: 'post' })
  return active
}
