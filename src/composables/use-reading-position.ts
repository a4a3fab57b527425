import { computed, onMounted, onScopeDispose, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { useReaderStore } from '../stores/reader'
import { stickyBarsBottom, stickyBottom, topVisibleIndex, turnElements } from './use-active-section'
import { afterPaintOnce } from './yield-to-main'

export interface ReadingPosition {
  /** The turn at the top of what the reader sees, below the sticky bars. */
  turnId: ShallowRef<string | null>
  /** The question that turn follows (or is). */
  questionId: ComputedRef<string | null>
  /** The question to pin under the bars: its turn has scrolled away while its answer is read. */
  pinned: ShallowRef<{ id: string; top: number } | null>
}

/** Where the reader is in the conversation, updated once per frame while the page scrolls. */
export function useReadingPosition(win: Window | undefined = globalThis.window): ReadingPosition {
  const store = useReaderStore()
  const turnId = shallowRef<string | null>(null)
  const pinned = shallowRef<{ id: string; top: number } | null>(null)
  const questionId = computed(() => (turnId.value ? store.questions.questionOf.get(turnId.value) ?? null : null))

  function update(): void {
    if (!win) return
    const doc = win.document
    const bars = stickyBarsBottom(doc)
    const items = turnElements(doc)
    // A focused turn (a jump's target, j / k) is where the reader is, even on a page too short to
    // scroll it to the top; else the turn a little below the bars (a jump leaves the end of the
    // turn before its target just under them).
    const focused = doc.activeElement?.closest('.reader__content article.turn')
    turnId.value = focused?.id ?? items[topVisibleIndex(items, stickyBottom(doc))]?.id ?? null
    const question = questionId.value && questionId.value !== turnId.value ? doc.getElementById(questionId.value) : null
    const gone = question !== null && question.getBoundingClientRect().bottom <= bars
    pinned.value = gone && questionId.value ? { id: questionId.value, top: bars } : null
  }
  const schedule = win ? afterPaintOnce(update, win) : (): void => undefined
  // Plain listeners, not @vueuse's useEventListener: this runs in the entry chunk, kept small.
  const events = ['scroll', 'resize', 'focusin'] as const
  for (const type of events) win?.addEventListener(type, schedule, { passive: true })
  onScopeDispose(() => {
    for (const type of events) win?.removeEventListener(type, schedule)
  })
  onMounted(schedule)
  return { turnId, questionId, pinned }
}
