import { computed, type ComputedRef } from 'vue'
import { useRouter } from 'vue-router'
import { summaries } from 'virtual:interview-summaries'
import { hashInTranslation, shapeOf, type Place, type Shape } from '../core/reader/translations'
import type { InterviewSummary } from '../core/reader/summary'
import { readerLocation } from '../router/addresses'
import { useReaderStore } from '../stores/reader'
import { stickyBottom } from './use-active-section'
import { currentIndex } from './use-reader-keys'

/**
 * Where the reader is on the page: the section under the sticky bars and, once its first turn has
 * been reached, the turn being read. Null above the first section. An item counts once its top is
 * within the outline's slack of the bars (as for the active section), so a turn just opened by a
 * link, which sits its scroll margin below the bars, is the one being read.
 */
export function placeOnPage(doc: Document, shape: Shape): Place | null {
  const line = stickyBottom(doc)
  const sections = [...doc.querySelectorAll<HTMLElement>('.reader__content .conv-section')]
  const section = sections[currentIndex(sections, doc, line)]
  if (!section) return null
  const turns = [...section.querySelectorAll<HTMLElement>('article.turn')]
  const turn = turns[currentIndex(turns, doc, line)]
  return { section: shape.sections.indexOf(section.id), turn: turn ? Number(turn.id.slice('turn-'.length)) : null }
}

export interface Translations {
  /** The open interview's other languages (built-in ones only). */
  others: ComputedRef<InterviewSummary[]>
  /** Plain address of a translation: what a new tab or a crawler gets. */
  hrefOf: (to: InterviewSummary) => string
  /** A plain click opens the translation at the reader's current place; a modified click is the browser's. */
  onClick: (event: MouseEvent, to: InterviewSummary) => void
}

export function useTranslations(): Translations {
  const store = useReaderStore()
  const router = useRouter()
  const others = computed(() => {
    const self = summaries.find((s) => s.address === store.address)
    return self ? summaries.filter((s) => s.group === self.group && s !== self) : []
  })
  function onClick(event: MouseEvent, to: InterviewSummary): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    const from = store.interview ? shapeOf(store.interview) : null
    const hash = from ? hashInTranslation(from, to.shape, placeOnPage(document, from)) : ''
    void router.push(readerLocation(to.address, hash))
  }
  return { others, hrefOf: (to) => router.resolve(readerLocation(to.address)).href, onClick }
}
