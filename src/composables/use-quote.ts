import { computed, nextTick, onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { makeQuote, textFragment, type QuoteSelector } from '../core/reader/quote'
import { parseViewState, patchViewState } from '../core/reader/url-state'
import { domRange, indexText, offsetOf, paint, revealRange } from './text-ranges'
import { openedWithTextFragment } from './text-fragment'
import { prefersReducedMotion } from './motion'

export const QUOTE = 'parley-quote'

export interface Selected {
  turnId: string
  quote: QuoteSelector
  /** Where to show the action, in page coordinates. */
  top: number
  left: number
}

/** The quote a selection makes, when it lies inside one turn's body; null otherwise. */
export function selectedQuote(selection: Selection | null): Omit<Selected, 'top' | 'left'> & { range: Range } | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  const body = (range.commonAncestorContainer.nodeType === 1 ? range.commonAncestorContainer as Element : range.commonAncestorContainer.parentElement)?.closest('.turn__body')
  const turnId = body?.closest('article.turn')?.id
  if (!body || !turnId) return null
  const index = indexText(body)
  const start = offsetOf(index, range.startContainer, range.startOffset)
  const end = offsetOf(index, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start || index.text.slice(start, end).trim() === '') return null
  return { turnId, quote: makeQuote(index.text, start, end), range }
}

/** Links for a quote: Parley's own (query params, survives edits) and a standard text fragment. */
export function useQuoteLinks(): { parleyLink: (s: Pick<Selected, 'turnId' | 'quote'>) => string; fragmentLink: (s: Pick<Selected, 'turnId' | 'quote'>) => string } {
  const router = useRouter()
  function base(turnId: string, quote?: QuoteSelector): string {
    const route = router.currentRoute.value
    // The link is to the passage, not to this reader's search: q goes, the filter stays.
    const { query, hash } = patchViewState(route, { target: { kind: 'turn', id: turnId, index: 0 }, quote: quote ?? null, q: null })
    return new URL(router.resolve({ path: route.path, query, hash }).href, location.origin).href
  }
  return {
    parleyLink: (s) => base(s.turnId, s.quote),
    fragmentLink: (s) => `${base(s.turnId)}${textFragment(s.quote)}`,
  }
}

export type QuoteStatus = 'none' | 'exact' | 'fuzzy' | 'missing'

/**
 * Opening a quote link: find the passage in the linked turn (else anywhere shown), highlight it and
 * bring it into view. A page opened through a text fragment is left where the browser put it.
 */
export function useQuoteAnchor(doc: Document = globalThis.document): { status: Ref<QuoteStatus> } {
  const router = useRouter()
  const status = ref<QuoteStatus>('none')
  const state = computed(() => parseViewState(router.currentRoute.value.query, router.currentRoute.value.hash))
  const key = computed(() => JSON.stringify([state.value.quote, state.value.target?.id]))

  let search = 0
  async function anchor(): Promise<void> {
    if (!doc) return // prerendering: nothing to paint; the browser anchors after hydration
    const current = ++search
    paint(QUOTE, [], doc)
    const { quote, target } = state.value
    if (!quote) {
      status.value = 'none'
      return
    }
    await nextTick()
    const linked = target ? doc.getElementById(target.id)?.querySelector('.turn__body') : null
    const bodies = [...new Set([linked, ...doc.querySelectorAll('.reader__content .turn__body')])].filter((b): b is Element => !!b)
    // The matcher loads with the first quote link; the texts are the same as indexText's.
    const { locateQuote } = await import('./quote-locate')
    const hit = await locateQuote(bodies.map((body) => body.textContent ?? ''), quote)
    // Another quote link (or none) was opened meanwhile.
    if (current !== search) return
    const range = hit && domRange(indexText(bodies[hit.index]!), hit)
    if (!hit || !range) {
      status.value = 'missing'
      return
    }
    status.value = hit.how
    const win = doc.defaultView
    // After the reader's own scroll to the turn (same frame), so the passage wins in a long turn.
    if (win && !openedWithTextFragment(win)) win.requestAnimationFrame(() => revealRange(range, win, !prefersReducedMotion(win)))
    paint(QUOTE, [range], doc)
  }

  watch(key, () => void anchor(), { flush: 'post', immediate: true })
  onBeforeUnmount(() => paint(QUOTE, [], doc))
  return { status }
}
