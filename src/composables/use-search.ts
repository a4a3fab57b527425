import { computed, inject, nextTick, onBeforeUnmount, onMounted, provide, ref, shallowRef, watch, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { findNormalised, normalise, normaliseQuery, stepHit, type Normalised } from '../core/search'
import { parseViewState, patchViewState } from '../core/url-state'
import { useReaderStore } from '../stores/reader'
import { domRanges, indexText, paint, paintsWithoutMarks, revealRange, toLiveRange, type TextIndex } from './text-ranges'
import { prefersReducedMotion } from './motion'
import { focusInPlace } from './use-target-focus'

export const HIT = 'parley-hit'
/** What search covers: the conversation's text; hits in turns the filter collapses are only counted. */
const SEARCHABLE = '.reader__content .turn__body, .reader__content .narration'

export interface SearchState {
  /** The search as in the URL (`?q=`), '' for none. */
  query: ComputedRef<string>
  setQuery: (q: string) => void
  count: Ref<number>
  /** 0-based index of the current hit, -1 when there is none. */
  current: Ref<number>
  /** Turns holding at least one hit, for the conversation map. */
  hitTurns: ShallowRef<Set<string>>
  /** Turns the filter hides that hold hits (counted, not highlighted, until shown). */
  hiddenHitTurns: ShallowRef<Set<string>>
  hiddenCount: Ref<number>
  step: (dir: 1 | -1) => void
  /** Opens the hidden turns holding hits in place (the filter stays) and moves to, and focuses, the first of them. */
  showHidden: () => void
  input: Ref<HTMLInputElement | null>
}

const KEY: InjectionKey<SearchState> = Symbol('parley-search')
/** Bodies indexed per idle callback (~5 ms of work on a loaded laptop). */
const WARM_SLICE = 100

function idle(win: Window | null): Promise<void> {
  return new Promise((resolve) => (win?.requestIdleCallback ? win.requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 50)))
}

/**
 * Search state for one reader page. The URL holds the query (router.replace: typing adds no history
 * entries); hits are found in the rendered text so the count matches what is highlighted.
 */
export function provideSearch(doc: Document = globalThis.document): SearchState {
  const router = useRouter()
  const store = useReaderStore()
  const route = computed(() => router.currentRoute.value)
  const query = computed(() => parseViewState(route.value.query, route.value.hash).q ?? '')
  const count = ref(0)
  const current = ref(-1)
  const hitTurns = shallowRef(new Set<string>())
  const hiddenHitTurns = shallowRef(new Set<string>())
  const hiddenCount = ref(0)
  const input = ref<HTMLInputElement | null>(null)
  // Typing moves to the first hit, the way a browser's find bar does; so does opening a `?q=` link
  // (once, unless the link also names a place: its #target wins).
  let revealNext = false
  let landed = false
  /** The turn "Show them" opened first: its first hit becomes current once it is shown. */
  let landOn: string | null = null

  function setQuery(q: string): void {
    revealNext = true
    void router.replace(patchViewState(route.value, { q }))
  }

  /**
   * Each shown body's text, indexed and normalised once: typing re-scans thousands of turns whose
   * text does not change. Kept per element (an element Vue removes drops out with it) and only
   * where hits are painted without <mark>s, since wrapping marks replaces the text nodes.
   */
  let texts = new WeakMap<Element, { index: TextIndex; folded: Normalised }>()
  function textOf(root: Element): { index: TextIndex; folded: Normalised } {
    let entry = texts.get(root)
    if (!entry) {
      const index = indexText(root)
      entry = { index, folded: normalise(index.text) }
      if (paintsWithoutMarks(doc)) texts.set(root, entry)
    }
    return entry
  }

  /**
   * Index every body once the page is idle, a slice at a time, so the first keystroke only
   * searches: on a 5,000-turn page indexing and folding the text was most of its cost.
   */
  async function warmIndex(): Promise<void> {
    if (!paintsWithoutMarks(doc)) return
    const roots = [...doc.querySelectorAll(SEARCHABLE)]
    for (let i = 0; i < roots.length; i += WARM_SLICE) {
      await idle(doc.defaultView)
      for (const root of roots.slice(i, i + WARM_SLICE)) if (root.isConnected) textOf(root)
    }
  }
  onMounted(() => void warmIndex())

  function scan(): { ranges: AbstractRange[]; turns: Set<string>; hidden: Set<string>; hiddenCount: number } {
    paint(HIT, [], doc)
    const found = { ranges: [] as AbstractRange[], turns: new Set<string>(), hidden: new Set<string>(), hiddenCount: 0 }
    // Highlights take fixed ranges; <mark>s (no Highlight API) are wrapped from live ones.
    const fixed = paintsWithoutMarks(doc)
    const needle = normaliseQuery(query.value)
    if (!needle) return found
    for (const root of doc.querySelectorAll(SEARCHABLE)) {
      const { index, folded } = textOf(root)
      const hits = findNormalised(folded, needle)
      if (hits.length === 0) continue
      const turn = root.closest<HTMLElement>('article.turn')
      if (turn && !store.isShown(turn.id, turn.dataset.speaker ?? '')) {
        found.hidden.add(turn.id)
        found.hiddenCount += hits.length
        continue
      }
      for (const range of fixed ? domRanges(index, hits, true) : domRanges(index, hits)) found.ranges.push(range)
      if (turn) found.turns.add(turn.id)
    }
    return found
  }

  function render(reveal: boolean): void {
    if (!doc) return // prerendering: hits are found and painted in the browser
    const { ranges, turns, hidden, hiddenCount: inHidden } = scan()
    count.value = ranges.length
    // Within the hits; hits that appear later (hidden turns shown) start at the first.
    current.value = Math.max(Math.min(current.value, ranges.length - 1), ranges.length > 0 ? 0 : -1)
    hitTurns.value = turns
    hiddenHitTurns.value = hidden
    hiddenCount.value = inHidden
    const shown = landOn ? doc.getElementById(landOn) : null
    landOn = null
    const first = shown ? ranges.findIndex((range) => shown.contains(range.startContainer)) : -1
    if (first >= 0) current.value = first
    const win = doc.defaultView
    const active = ranges[current.value]
    if ((reveal || first >= 0) && active && win) revealRange(toLiveRange(active), win, !prefersReducedMotion(win))
    paint(HIT, ranges, doc, current.value)
    // The button that asked is gone with the hidden hits; focus goes where the reading goes on.
    if (shown && first >= 0) focusInPlace(shown)
  }

  function showHidden(): void {
    const hidden = hiddenHitTurns.value
    landOn = [...doc.querySelectorAll('.reader__content article.turn')].find((turn) => hidden.has(turn.id))?.id ?? null
    store.expand(hidden)
  }

  function step(dir: 1 | -1): void {
    current.value = stepHit(current.value, count.value, dir)
    render(true)
  }

  watch(
    [query, () => store.filter, () => store.forcedTurnId, () => store.expanded, () => store.interview],
    async ([q, , , , interview], old) => {
      // Another interview may reuse the same elements with new text.
      if (interview !== old?.[4]) texts = new WeakMap()
      await nextTick()
      if (q !== old?.[0]) current.value = q ? 0 : -1
      const land = !landed && q !== '' && !route.value.hash
      if (q) landed = true
      render(revealNext || land)
      revealNext = false
    },
    { flush: 'post', immediate: true },
  )
  onBeforeUnmount(() => paint(HIT, [], doc))

  const state: SearchState = { query, setQuery, count, current, hitTurns, hiddenHitTurns, hiddenCount, step, showHidden, input }
  provide(KEY, state)
  return state
}

export function useSearch(): SearchState {
  const state = inject(KEY)
  if (!state) throw new Error('useSearch() needs provideSearch() in an ancestor')
  return state
}
